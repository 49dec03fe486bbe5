package dev.gofer.store.object.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.gofer.events.StoreChanged;
import dev.gofer.store.common.config.StoreConfig;
import dev.gofer.store.common.persistence.AdvisoryLocks;
import dev.gofer.store.common.service.StoreException;
import dev.gofer.store.object.persistence.StoredObject;
import dev.gofer.store.object.persistence.StoredObjectRepository;
import dev.gofer.support.outbox.Outbox;

/**
 * Pipeline and run objects: raw bytes up to {@code gofer.store.max-object-bytes}, streamed in and out in chunks of
 * {@code gofer.store.object-chunk-bytes}, replaced only with force. A put beyond
 * {@code gofer.store.pipeline-object-limit} pipeline objects evicts the oldest in the same transaction. Every change
 * records a {@link StoreChanged} event in the outbox, in the same transaction.
 */
@ApplicationScoped
public class ObjectService {

    private static final Logger LOG = Logger.getLogger(ObjectService.class);

    @Inject
    StoredObjectRepository repository;

    @Inject
    StoreConfig config;

    @Inject
    AdvisoryLocks locks;

    @Inject
    Outbox outbox;

    /** Refuses (413) a declared length over the cap before any byte is read. */
    public void checkDeclaredLength(long contentLength) {
        if (contentLength > config.maxObjectBytes()) {
            throw tooLarge(config.maxObjectBytes());
        }
    }

    /**
     * Streams {@code body} into the database a chunk at a time. The bytes are counted as they arrive; one byte over
     * the cap throws 413 without reading the rest, and the rollback removes every chunk written so far, so nothing is
     * stored. Puts of one key are serialized by an advisory lock, so a replace never races another put of that key.
     */
    @Transactional
    public ObjectInfo put(ObjectScope scope, String key, boolean force, InputStream body) {
        locks.lock("object:" + scope.namespaceId() + "/" + scope.pipelineId() + "/" + scope.runId() + "/" + key);
        Optional<StoredObject> existing = repository.findByKey(scope.namespaceId(), scope.pipelineId(),
                scope.runId(), key);
        if (existing.isPresent()) {
            if (!force) {
                throw alreadyExists(scope, key);
            }
            repository.delete(existing.get());
            repository.flush();
        }
        StoredObject object = new StoredObject();
        object.setNamespaceId(scope.namespaceId());
        object.setPipelineId(scope.pipelineId());
        object.setRunId(scope.runId());
        object.setObjectKey(key);
        object.setSize(0);
        object.setCreated(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try {
            repository.persist(object);
            repository.flush();
        } catch (PersistenceException e) {
            // Only with a concurrent writer outside this service's locks (another version, a manual insert).
            throw alreadyExists(scope, key);
        }
        object.setSize(copyChunks(object.getId(), body));
        if (!scope.isRun()) {
            evictBeyondLimit(scope, object.getId());
        }
        outbox.record(event(StoreChanged.OBJECT_STORED, scope, key));
        return new ObjectInfo(key, object.getSize(), object.getCreated());
    }

    public List<ObjectInfo> list(ObjectScope scope) {
        return repository.listMetadata(scope.namespaceId(), scope.pipelineId(), scope.runId()).stream()
                .map(m -> new ObjectInfo(m.objectKey(), m.size(), m.created())).toList();
    }

    /**
     * The object's metadata and a writer that streams its bytes: the writer opens a transaction of its own when called
     * (after the response headers are out) and copies one chunk at a time. Its one query reads a snapshot, so a
     * concurrent replace is never mixed in; a replace or delete between this call and the writer leaves the answer
     * short of its {@code Content-Length}, which clients see as a broken download.
     */
    @Transactional
    public Optional<ObjectContent> open(ObjectScope scope, String key) {
        return repository.findByKey(scope.namespaceId(), scope.pipelineId(), scope.runId(), key).map(o -> {
            long id = o.getId();
            return new ObjectContent(new ObjectInfo(key, o.getSize(), o.getCreated()), out -> writeChunks(id, out));
        });
    }

    private void writeChunks(long id, OutputStream out) {
        QuarkusTransaction.requiringNew().run(() -> repository.readChunks(id, out::write));
    }

    /** The whole object, for resolution (an env value, at most the cap); streaming callers use {@link #open}. */
    @Transactional
    public Optional<byte[]> content(ObjectScope scope, String key) {
        return repository.findByKey(scope.namespaceId(), scope.pipelineId(), scope.runId(), key).map(o -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(o.getSize(), Integer.MAX_VALUE - 8));
            repository.readChunks(o.getId(), out::write);
            return out.toByteArray();
        });
    }

    @Transactional
    public boolean delete(ObjectScope scope, String key) {
        boolean deleted = repository.deleteByKey(scope.namespaceId(), scope.pipelineId(), scope.runId(), key);
        if (deleted) {
            outbox.record(event(StoreChanged.OBJECT_DELETED, scope, key));
        }
        return deleted;
    }

    /**
     * Deletes every object of a run (run-object expiry) and records {@code run-objects.expired} when there were any.
     * Returns the keys removed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> expireRun(String namespaceId, String pipelineId, long runId) {
        List<String> keys = repository.deleteRunObjects(namespaceId, pipelineId, runId);
        if (!keys.isEmpty()) {
            outbox.record(new StoreChanged(StoreChanged.RUN_OBJECTS_EXPIRED, namespaceId, pipelineId, runId, null,
                    keys));
            LOG.infof("run objects of %s/%s run %d expired: %s", namespaceId, pipelineId, runId, keys);
        }
        return keys;
    }

    /**
     * Reads the body into chunk rows, one buffer of {@code gofer.store.object-chunk-bytes} at a time; returns the
     * size. The count is checked after every read, so a body over the cap is refused as soon as its first byte over
     * arrives, even if the body never ends.
     */
    private long copyChunks(long objectId, InputStream body) {
        if (body == null) {
            return 0;
        }
        long max = config.maxObjectBytes();
        int chunkBytes = Math.max(1024, config.objectChunkBytes());
        byte[] buffer = new byte[chunkBytes];
        long total = 0;
        int filled = 0;
        int seq = 0;
        // The request stream belongs to the HTTP layer: it is not closed here, because closing drains the rest of
        // the body, and a refusal must not wait for a body that may never end.
        try {
            int n;
            while ((n = body.read(buffer, filled, chunkBytes - filled)) != -1) {
                total += n;
                if (total > max) {
                    throw tooLarge(max);
                }
                filled += n;
                if (filled == chunkBytes) {
                    repository.appendChunk(objectId, seq++, buffer, filled);
                    filled = 0;
                }
            }
            if (filled > 0) {
                repository.appendChunk(objectId, seq, buffer, filled);
            }
        } catch (IOException e) {
            // The client went away or broke the framing mid-upload; the rollback removes what arrived.
            throw StoreException.invalid("the request body could not be read to its end");
        }
        return total;
    }

    /**
     * Keeps the pipeline at most {@code gofer.store.pipeline-object-limit} objects by evicting the oldest others. The
     * pipeline lock makes concurrent puts count one after the other; it is taken only after the upload, so it is held
     * briefly.
     */
    private void evictBeyondLimit(ObjectScope scope, long keepId) {
        int limit = config.pipelineObjectLimit();
        if (limit <= 0) {
            return;
        }
        locks.lock("pipeline-objects:" + scope.namespaceId() + "/" + scope.pipelineId());
        long count = repository.countInScope(scope.namespaceId(), scope.pipelineId(), 0);
        for (long excess = count - limit; excess > 0; excess--) {
            Optional<String> evicted = repository.deleteOldest(scope.namespaceId(), scope.pipelineId(), 0, keepId);
            if (evicted.isEmpty()) {
                break;
            }
            outbox.record(event(StoreChanged.OBJECT_EVICTED, scope, evicted.get()));
            LOG.infof("pipeline object '%s' of %s evicted: the pipeline holds at most %d objects", evicted.get(),
                    scope.where(), limit);
        }
    }

    private static StoreChanged event(String kind, ObjectScope scope, String key) {
        return new StoreChanged(kind, scope.namespaceId(), scope.pipelineId(), scope.isRun() ? scope.runId() : null,
                key, null);
    }

    private static StoreException alreadyExists(ObjectScope scope, String key) {
        return StoreException.alreadyExists(
                scope.kind() + " '" + key + "' already exists in " + scope.where() + "; set force=true to replace it");
    }

    private static StoreException tooLarge(long max) {
        return StoreException.tooLarge("the object is larger than the limit of " + max
                + " bytes (gofer.store.max-object-bytes)");
    }
}
