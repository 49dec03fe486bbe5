package dev.gofer.trigger.subscription.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import dev.gofer.trigger.common.service.TriggerException;
import dev.gofer.trigger.subscription.persistence.SubscriptionEntity;
import dev.gofer.trigger.subscription.persistence.SubscriptionRepository;

/** Subscribes pipelines to triggers and unsubscribes them. Firing belongs to each trigger kind. */
@ApplicationScoped
public class SubscriptionService {

    private final SubscriptionRepository repository;
    private final TriggerTypes triggerTypes;

    public SubscriptionService(SubscriptionRepository repository, TriggerTypes triggerTypes) {
        this.repository = repository;
        this.triggerTypes = triggerTypes;
    }

    /**
     * Creates an active subscription. The trigger kind checks its settings and says when it first fires.
     *
     * @throws TriggerException invalid (unknown kind, bad settings or variables) or conflict (the
     *         {@code (namespace, pipeline, trigger, id)} exists)
     */
    @Transactional
    public Subscription create(String namespaceId, String pipelineId, String trigger, String subscriptionId,
            Map<String, String> settings, Map<String, String> variables) {
        TriggerType type = triggerTypes.require(trigger);
        Map<String, String> checkedSettings = type.validate(settings == null ? Map.of() : settings);
        Map<String, String> checkedVariables = checkVariables(variables == null ? Map.of() : variables);
        if (repository.findByKey(namespaceId, pipelineId, trigger, subscriptionId).isPresent()) {
            throw conflict(namespaceId, pipelineId, trigger, subscriptionId);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SubscriptionEntity entity = SubscriptionEntity.subscribe(namespaceId, pipelineId, trigger, subscriptionId,
                checkedSettings, checkedVariables, SubscriptionStatus.ACTIVE.wire(), now,
                type.firstFireAt(checkedSettings, now).orElse(null));
        try {
            repository.persistAndFlush(entity);
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                // Lost a race with a concurrent create of the same subscription.
                throw conflict(namespaceId, pipelineId, trigger, subscriptionId);
            }
            throw e;
        }
        return Subscription.from(entity);
    }

    @Transactional
    public List<Subscription> list(String namespaceId, String pipelineId) {
        return repository.listByPipeline(namespaceId, pipelineId).stream().map(Subscription::from).toList();
    }

    /** @throws TriggerException not found */
    @Transactional
    public Subscription get(String namespaceId, String pipelineId, String trigger, String subscriptionId) {
        return repository.findByKey(namespaceId, pipelineId, trigger, subscriptionId)
                .map(Subscription::from)
                .orElseThrow(() -> notFound(namespaceId, pipelineId, trigger, subscriptionId));
    }

    /**
     * Deletes a subscription. Waits for a sweep that is firing it right now, so once this returns it fires no more.
     *
     * @throws TriggerException not found
     */
    @Transactional
    public void delete(String namespaceId, String pipelineId, String trigger, String subscriptionId) {
        if (!repository.deleteByKey(namespaceId, pipelineId, trigger, subscriptionId)) {
            throw notFound(namespaceId, pipelineId, trigger, subscriptionId);
        }
    }

    private static Map<String, String> checkVariables(Map<String, String> variables) {
        for (Map.Entry<String, String> e : variables.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isBlank() || key.contains("=")) {
                throw TriggerException.invalid("variables",
                        "keys must be non-blank and must not contain '=' (got '" + key + "')");
            }
            if (e.getValue() == null) {
                throw TriggerException.invalid("variables." + key, "must not be null");
            }
        }
        return variables;
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation
                    && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }

    private static TriggerException conflict(String ns, String p, String trigger, String id) {
        return TriggerException.conflict(
                "subscription " + trigger + "/" + id + " of pipeline " + ns + "/" + p + " already exists");
    }

    private static TriggerException notFound(String ns, String p, String trigger, String id) {
        return TriggerException
                .notFound("subscription " + trigger + "/" + id + " of pipeline " + ns + "/" + p + " does not exist");
    }
}
