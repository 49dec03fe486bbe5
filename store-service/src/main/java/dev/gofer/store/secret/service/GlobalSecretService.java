package dev.gofer.store.secret.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.gofer.events.AuditEvent;
import dev.gofer.store.common.service.StoreException;
import dev.gofer.store.secret.persistence.GlobalSecret;
import dev.gofer.store.secret.persistence.GlobalSecretRepository;
import dev.gofer.support.auth.TokenGrant;
import dev.gofer.support.outbox.Outbox;

/**
 * Global secrets: stored encrypted with a namespace allow-list, revealed to resolution (in allowed namespaces) and to
 * admin tokens.
 */
@ApplicationScoped
public class GlobalSecretService {

    private static final Logger LOG = Logger.getLogger(GlobalSecretService.class);

    @Inject
    GlobalSecretRepository repository;

    @Inject
    SecretCipher cipher;

    @Inject
    Outbox outbox;

    /** Stores a value usable in the namespaces matching {@code namespaces} (default all); 409 without force. */
    @Transactional
    public GlobalSecretInfo put(String key, String content, List<String> namespaces, boolean force) {
        List<String> patterns = NamespacePatterns.validate(namespaces);
        Optional<GlobalSecret> existing = repository.findByKey(key);
        if (existing.isPresent() && !force) {
            throw alreadyExists(key);
        }
        GlobalSecret secret = existing.orElseGet(GlobalSecret::new);
        secret.setSecretKey(key);
        secret.setNamespaces(patterns.toArray(String[]::new));
        EncryptedValue encrypted = cipher.encrypt(content, associatedData(key));
        secret.setNonce(encrypted.nonce());
        secret.setCiphertext(encrypted.ciphertext());
        secret.setKeyVersion(encrypted.keyVersion());
        secret.setCreated(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try {
            if (existing.isEmpty()) {
                repository.persist(secret);
            }
            repository.flush();
        } catch (PersistenceException e) {
            throw alreadyExists(key);
        }
        return info(secret);
    }

    public List<GlobalSecretInfo> list() {
        return repository.listAll().stream().map(GlobalSecretService::info).toList();
    }

    public Optional<GlobalSecretInfo> get(String key) {
        return repository.findByKey(key).map(GlobalSecretService::info);
    }

    @Transactional
    public boolean delete(String key) {
        return repository.deleteByKey(key);
    }

    /** The plaintext, for resolution only (after {@link GlobalSecretInfo#allows}); never log or return it. */
    public Optional<String> reveal(String key) {
        return repository.findByKey(key).map(this::decrypt);
    }

    /**
     * Metadata and plaintext for an admin token; the read is logged and recorded as {@code secret.revealed} naming
     * the token, the value never.
     */
    @Transactional
    public Optional<Revealed<GlobalSecretInfo>> revealTo(TokenGrant caller, String key) {
        Optional<Revealed<GlobalSecretInfo>> out = repository.findByKey(key)
                .map(s -> new Revealed<>(info(s), decrypt(s)));
        out.ifPresent(r -> {
            LOG.infof("value of global secret '%s' read by token %s (%s)", key, caller.id(), caller.user());
            outbox.record(new AuditEvent(AuditEvent.SECRET_REVEALED, caller.id(), caller.user(),
                    "secrets/global/" + key, ""));
        });
        return out;
    }

    private String decrypt(GlobalSecret s) {
        return cipher.decrypt(new EncryptedValue(s.getNonce(), s.getCiphertext(), s.getKeyVersion()),
                associatedData(s.getSecretKey()));
    }

    static String associatedData(String key) {
        return "global/" + key;
    }

    private static GlobalSecretInfo info(GlobalSecret s) {
        return new GlobalSecretInfo(s.getSecretKey(), List.of(s.getNamespaces()), s.getCreated());
    }

    private static StoreException alreadyExists(String key) {
        return StoreException.alreadyExists("global secret '" + key + "' already exists; set force to replace it");
    }
}
