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
import dev.gofer.events.StoreChanged;
import dev.gofer.store.common.service.StoreException;
import dev.gofer.store.secret.persistence.PipelineSecret;
import dev.gofer.store.secret.persistence.PipelineSecretRepository;
import dev.gofer.support.auth.TokenGrant;
import dev.gofer.support.outbox.Outbox;

/**
 * Pipeline secrets: stored encrypted, listed by key, revealed to resolution and to tokens allowed to reveal them. Puts
 * and deletes record {@code secret.stored} / {@code secret.deleted} (key only) in the outbox, in the same transaction.
 */
@ApplicationScoped
public class PipelineSecretService {

    private static final Logger LOG = Logger.getLogger(PipelineSecretService.class);

    @Inject
    PipelineSecretRepository repository;

    @Inject
    SecretCipher cipher;

    @Inject
    Outbox outbox;

    /** Stores a value; an existing key is replaced only with {@code force}, else 409. */
    @Transactional
    public SecretInfo put(String namespaceId, String pipelineId, String key, String content, boolean force) {
        Optional<PipelineSecret> existing = repository.findByKey(namespaceId, pipelineId, key);
        if (existing.isPresent() && !force) {
            throw alreadyExists(namespaceId, pipelineId, key);
        }
        PipelineSecret secret = existing.orElseGet(PipelineSecret::new);
        secret.setNamespaceId(namespaceId);
        secret.setPipelineId(pipelineId);
        secret.setSecretKey(key);
        EncryptedValue encrypted = cipher.encrypt(content, associatedData(namespaceId, pipelineId, key));
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
            // A concurrent put of the same key won the race.
            throw alreadyExists(namespaceId, pipelineId, key);
        }
        outbox.record(new StoreChanged(StoreChanged.SECRET_STORED, namespaceId, pipelineId, null, key, null));
        return info(secret);
    }

    public List<SecretInfo> list(String namespaceId, String pipelineId) {
        return repository.listByPipeline(namespaceId, pipelineId).stream().map(PipelineSecretService::info).toList();
    }

    public Optional<SecretInfo> get(String namespaceId, String pipelineId, String key) {
        return repository.findByKey(namespaceId, pipelineId, key).map(PipelineSecretService::info);
    }

    @Transactional
    public boolean delete(String namespaceId, String pipelineId, String key) {
        boolean deleted = repository.deleteByKey(namespaceId, pipelineId, key);
        if (deleted) {
            outbox.record(new StoreChanged(StoreChanged.SECRET_DELETED, namespaceId, pipelineId, null, key, null));
        }
        return deleted;
    }

    /**
     * Metadata and plaintext for a token allowed {@code secrets: reveal}; the read is logged and recorded as
     * {@code secret.revealed} naming the token, the value never.
     */
    @Transactional
    public Optional<Revealed<SecretInfo>> revealTo(TokenGrant caller, String namespaceId, String pipelineId,
            String key) {
        Optional<Revealed<SecretInfo>> out = repository.findByKey(namespaceId, pipelineId, key)
                .map(s -> new Revealed<>(info(s), decrypt(s)));
        out.ifPresent(r -> {
            LOG.infof("value of pipeline secret '%s' in %s/%s read by token %s (%s)", key, namespaceId, pipelineId,
                    caller.id(), caller.user());
            outbox.record(new AuditEvent(AuditEvent.SECRET_REVEALED, caller.id(), caller.user(),
                    "namespaces/" + namespaceId + "/pipelines/" + pipelineId + "/secrets/" + key, ""));
        });
        return out;
    }

    /** The plaintext, for resolution only: it must never reach a log or a response. */
    public Optional<String> reveal(String namespaceId, String pipelineId, String key) {
        return repository.findByKey(namespaceId, pipelineId, key).map(this::decrypt);
    }

    private String decrypt(PipelineSecret s) {
        return cipher.decrypt(new EncryptedValue(s.getNonce(), s.getCiphertext(), s.getKeyVersion()),
                associatedData(s.getNamespaceId(), s.getPipelineId(), s.getSecretKey()));
    }

    static String associatedData(String namespaceId, String pipelineId, String key) {
        return namespaceId + "/" + pipelineId + "/" + key;
    }

    private static SecretInfo info(PipelineSecret s) {
        return new SecretInfo(s.getSecretKey(), s.getCreated());
    }

    private static StoreException alreadyExists(String namespaceId, String pipelineId, String key) {
        return StoreException.alreadyExists("pipeline secret '" + key + "' already exists in " + namespaceId + "/"
                + pipelineId + "; set force to replace it");
    }
}
