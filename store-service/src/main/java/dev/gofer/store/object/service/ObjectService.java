package dev.gofer.store.object.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import dev.gofer.store.common.config.StoreConfig;
import dev.gofer.store.common.service.StoreException;
import dev.gofer.store.object.persistence.StoredObject;
import dev.gofer.store.object.persistence.StoredObjectRepository;

/** Pipeline and run objects: raw bytes up to {@code gofer.store.max-object-bytes}, replaced only with force. */
@ApplicationScoped
public class ObjectService {

    @Inject
    StoredObjectRepository repository;

    @Inject
    StoreConfig config;

    /** Reads a request body, refusing (413) as soon as it exceeds the cap; call before opening a transaction. */
    public byte[] readBounded(InputStream body) {
        long max = config.maxObjectBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = body) {
            if (in == null) {
                return new byte[0];
            }
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() + (long) n > max) {
                    throw tooLarge(max);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read request body", e);
        }
        return out.toByteArray();
    }

    /** Refuses (413) a declared length over the cap before any byte is read. */
    public void checkDeclaredLength(long contentLength) {
        if (contentLength > config.maxObjectBytes()) {
            throw tooLarge(config.maxObjectBytes());
        }
    }

    @Transactional
    public ObjectInfo put(ObjectScope scope, String key, byte[] content, boolean force) {
        if (content.length > config.maxObjectBytes()) {
            throw tooLarge(config.maxObjectBytes());
        }
        Optional<StoredObject> existing = repository.findByKey(scope.namespaceId(), scope.pipelineId(),
                scope.runId(), key);
        if (existing.isPresent() && !force) {
            throw alreadyExists(scope, key);
        }
        StoredObject object = existing.orElseGet(StoredObject::new);
        object.setNamespaceId(scope.namespaceId());
        object.setPipelineId(scope.pipelineId());
        object.setRunId(scope.runId());
        object.setObjectKey(key);
        object.setContent(content);
        object.setSize(content.length);
        object.setCreated(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try {
            if (existing.isEmpty()) {
                repository.persist(object);
            }
            repository.flush();
        } catch (PersistenceException e) {
            throw alreadyExists(scope, key);
        }
        return new ObjectInfo(key, object.getSize(), object.getCreated());
    }

    public List<ObjectInfo> list(ObjectScope scope) {
        return repository.listMetadata(scope.namespaceId(), scope.pipelineId(), scope.runId()).stream()
                .map(m -> new ObjectInfo(m.objectKey(), m.size(), m.created())).toList();
    }

    public Optional<byte[]> content(ObjectScope scope, String key) {
        return repository.findByKey(scope.namespaceId(), scope.pipelineId(), scope.runId(), key)
                .map(StoredObject::getContent);
    }

    @Transactional
    public boolean delete(ObjectScope scope, String key) {
        return repository.deleteByKey(scope.namespaceId(), scope.pipelineId(), scope.runId(), key);
    }

    private static StoreException alreadyExists(ObjectScope scope, String key) {
        return StoreException.alreadyExists(
                scope.kind() + " '" + key + "' already exists in " + scope.where() + "; set force=true to replace it");
    }

    private static StoreException tooLarge(long max) {
        return StoreException.tooLarge("the object is larger than the limit of " + max + " bytes");
    }
}
