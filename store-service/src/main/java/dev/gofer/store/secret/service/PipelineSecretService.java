package dev.gofer.store.secret.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import dev.gofer.store.common.service.StoreException;
import dev.gofer.store.secret.persistence.PipelineSecret;
import dev.gofer.store.secret.persistence.PipelineSecretRepository;

/** Pipeline secrets: stored encrypted, listed by key, revealed only to resolution. */
@ApplicationScoped
public class PipelineSecretService {

    @Inject
    PipelineSecretRepository repository;

    @Inject
    SecretCipher cipher;

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
        return repository.deleteByKey(namespaceId, pipelineId, key);
    }

    /** The plaintext, for resolution only: it must never reach a log or a response. */
    public Optional<String> reveal(String namespaceId, String pipelineId, String key) {
        return repository.findByKey(namespaceId, pipelineId, key)
                .map(s -> cipher.decrypt(new EncryptedValue(s.getNonce(), s.getCiphertext(), s.getKeyVersion()),
                        associatedData(namespaceId, pipelineId, key)));
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
