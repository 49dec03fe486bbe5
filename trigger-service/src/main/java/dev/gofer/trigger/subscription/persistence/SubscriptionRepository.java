package dev.gofer.trigger.subscription.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/** Queries on {@code trigger.subscriptions}. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepository<SubscriptionEntity> {

    /**
     * Due rows are locked for the caller's transaction; rows another transaction holds (another trigger-service
     * instance firing them, or a concurrent delete) are skipped, so no subscription fires twice for one due time.
     */
    private static final String LOCK_DUE = """
            SELECT * FROM trigger.subscriptions
            WHERE trigger = :trigger AND status = 'active' AND next_fire_at <= :now
            ORDER BY next_fire_at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;

    public Optional<SubscriptionEntity> findByKey(String namespaceId, String pipelineId, String trigger,
            String subscriptionId) {
        return find("namespaceId = ?1 and pipelineId = ?2 and trigger = ?3 and subscriptionId = ?4", namespaceId,
                pipelineId, trigger, subscriptionId).firstResultOptional();
    }

    public List<SubscriptionEntity> listByPipeline(String namespaceId, String pipelineId) {
        return list("namespaceId = ?1 and pipelineId = ?2", Sort.by("trigger").and("subscriptionId"), namespaceId,
                pipelineId);
    }

    /** Deletes one subscription; false when there was none. */
    public boolean deleteByKey(String namespaceId, String pipelineId, String trigger, String subscriptionId) {
        return delete("namespaceId = ?1 and pipelineId = ?2 and trigger = ?3 and subscriptionId = ?4", namespaceId,
                pipelineId, trigger, subscriptionId) > 0;
    }

    /**
     * Active subscriptions of one trigger kind whose {@code next_fire_at} is at or before {@code now}, oldest first,
     * locked with {@code FOR UPDATE SKIP LOCKED}. Must run inside a transaction; the locks last until it ends.
     */
    @SuppressWarnings("unchecked")
    public List<SubscriptionEntity> lockDue(String trigger, Instant now, int limit) {
        return getEntityManager().createNativeQuery(LOCK_DUE, SubscriptionEntity.class)
                .setParameter("trigger", trigger)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }
}
