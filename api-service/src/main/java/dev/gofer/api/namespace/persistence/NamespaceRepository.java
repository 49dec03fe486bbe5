package dev.gofer.api.namespace.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import dev.gofer.api.run.persistence.Run;

@ApplicationScoped
public class NamespaceRepository implements PanacheRepositoryBase<Namespace, String> {

    /**
     * Inserts the namespace unless one with its id exists; true if it was inserted. Safe when several api instances
     * (or requests) create the same namespace at once: exactly one of them inserts it.
     */
    public boolean insertIfAbsent(String id, String name, String description, long now) {
        return getEntityManager().createNativeQuery("INSERT INTO namespaces (id, name, description, created, modified)"
                + " VALUES (?1, ?2, ?3, ?4, 0) ON CONFLICT (id) DO NOTHING")
                .setParameter(1, id).setParameter(2, name).setParameter(3, description).setParameter(4, now)
                .executeUpdate() == 1;
    }

    public List<Namespace> listAllById() {
        return list("order by id");
    }

    /** The namespace, share-locked until the end of the transaction: it cannot be deleted meanwhile. */
    public Optional<Namespace> findForShare(String id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_READ).firstResultOptional();
    }

    /** The namespace, locked until the end of the transaction: no pipeline can be added to it meanwhile. */
    public Optional<Namespace> findForUpdate(String id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Locks every pipeline of the namespace until the end of the transaction and answers their ids. Run creation
     * locks its pipeline row first, so while these locks are held no run of the namespace can start.
     */
    @SuppressWarnings("unchecked")
    public List<String> lockPipelines(String id) {
        return getEntityManager()
                .createNativeQuery("SELECT pipeline_id FROM pipelines WHERE namespace_id = ?1 ORDER BY pipeline_id"
                        + " FOR UPDATE", String.class)
                .setParameter(1, id).getResultList();
    }

    /** Runs of the namespace's pipelines that are pending or running. */
    public long countUnfinishedRuns(String id) {
        return ((Number) getEntityManager()
                .createNativeQuery("SELECT count(*) FROM runs WHERE namespace_id = ?1 AND state <> 'COMPLETE'")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    /**
     * Deletes the namespace. The database cascades to its pipelines and from them to configs, deployments, runs
     * and task runs; stored log lines have no foreign key and are deleted here.
     */
    public void deleteCascading(String id) {
        getEntityManager().createNativeQuery("DELETE FROM task_run_logs WHERE namespace_id = ?1")
                .setParameter(1, id).executeUpdate();
        getEntityManager().createNativeQuery("DELETE FROM namespaces WHERE id = ?1").setParameter(1, id)
                .executeUpdate();
    }
}
