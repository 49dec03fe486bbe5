package dev.gofer.store.object.persistence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * Objects by namespace, pipeline, run (0 for pipeline objects) and key, and their bytes as chunk rows. Chunks go
 * through the session's own JDBC connection, one row per statement, so neither this service nor the driver ever holds
 * more than one chunk of an object in memory.
 */
@ApplicationScoped
public class StoredObjectRepository implements PanacheRepository<StoredObject> {

    private static final String BY_SCOPE = "namespaceId = :ns and pipelineId = :p and runId = :run";
    private static final String BY_KEY = BY_SCOPE + " and objectKey = :k";

    /** Metadata only: the bytes stay in the database. */
    public List<ObjectMetadata> listMetadata(String namespaceId, String pipelineId, long runId) {
        return find(BY_SCOPE, Sort.by("objectKey"), scope(namespaceId, pipelineId, runId))
                .project(ObjectMetadata.class).list();
    }

    public Optional<StoredObject> findByKey(String namespaceId, String pipelineId, long runId, String key) {
        return find(BY_KEY, scope(namespaceId, pipelineId, runId).and("k", key)).firstResultOptional();
    }

    /** Deletes the object and (by the foreign key) its chunks at once, not at the next flush. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean deleteByKey(String namespaceId, String pipelineId, long runId, String key) {
        return delete(BY_KEY, scope(namespaceId, pipelineId, runId).and("k", key)) > 0;
    }

    /** Deletes the object with this id and its chunks at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteNow(long id) {
        delete("id", id);
    }

    public long countInScope(String namespaceId, String pipelineId, long runId) {
        return count(BY_SCOPE, scope(namespaceId, pipelineId, runId));
    }

    /**
     * The key of the oldest object of the scope other than {@code excludeId} that no other transaction is changing,
     * deleted in the caller's transaction; empty when there is none. Skipping locked rows means a concurrent
     * replace or delete of that object never deadlocks with an eviction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> deleteOldest(String namespaceId, String pipelineId, long runId, long excludeId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("SELECT id, key FROM store.objects "
                + "WHERE namespace_id = ?1 AND pipeline_id = ?2 AND run_id = ?3 AND id <> ?4 "
                + "ORDER BY created, id LIMIT 1 FOR UPDATE SKIP LOCKED").setParameter(1, namespaceId)
                .setParameter(2, pipelineId).setParameter(3, runId).setParameter(4, excludeId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        deleteNow(((Number) rows.get(0)[0]).longValue());
        return Optional.of((String) rows.get(0)[1]);
    }

    /** Deletes every object of one run; returns their keys, sorted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> deleteRunObjects(String namespaceId, String pipelineId, long runId) {
        @SuppressWarnings("unchecked")
        List<String> keys = getEntityManager()
                .createNativeQuery("DELETE FROM store.objects WHERE namespace_id = ?1 AND pipeline_id = ?2 "
                        + "AND run_id = ?3 RETURNING key", String.class)
                .setParameter(1, namespaceId).setParameter(2, pipelineId).setParameter(3, runId).getResultList();
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        return sorted;
    }

    /** Writes chunk {@code seq} of an object: the first {@code length} bytes of {@code buffer}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendChunk(long objectId, int seq, byte[] buffer, int length) {
        session().doWork(connection -> {
            try (PreparedStatement s = connection
                    .prepareStatement("INSERT INTO store.object_chunks (object_id, seq, data) VALUES (?, ?, ?)")) {
                s.setLong(1, objectId);
                s.setInt(2, seq);
                s.setBinaryStream(3, new ByteArrayInputStream(buffer, 0, length), length);
                s.executeUpdate();
            }
        });
    }

    /**
     * Hands the object's chunks to {@code sink} in order. A server-side cursor fetches one row at a time (the caller's
     * transaction keeps autocommit off, which the driver needs for that), so the object is never loaded whole.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void readChunks(long objectId, ChunkSink sink) {
        session().doWork(connection -> {
            try (PreparedStatement s = connection
                    .prepareStatement("SELECT data FROM store.object_chunks WHERE object_id = ? ORDER BY seq")) {
                s.setFetchSize(1);
                s.setLong(1, objectId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getBytes(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }

    private static Parameters scope(String namespaceId, String pipelineId, long runId) {
        return Parameters.with("ns", namespaceId).and("p", pipelineId).and("run", runId);
    }
}
