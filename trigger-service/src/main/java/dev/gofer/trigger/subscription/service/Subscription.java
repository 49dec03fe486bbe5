package dev.gofer.trigger.subscription.service;

import java.time.Instant;
import java.util.Map;

import dev.gofer.trigger.subscription.persistence.SubscriptionEntity;

/** A pipeline's subscription to a trigger, as the service hands it out. Instants are null when not set. */
public record Subscription(String namespaceId, String pipelineId, String trigger, String subscriptionId,
        Map<String, String> settings, Map<String, String> variables, String status, String statusReason,
        Instant created, Instant modified, Instant nextFireAt, Instant lastFiredAt, long fireCount) {

    public Subscription {
        settings = Map.copyOf(settings);
        variables = Map.copyOf(variables);
    }

    static Subscription from(SubscriptionEntity e) {
        return new Subscription(e.namespaceId, e.pipelineId, e.trigger, e.subscriptionId,
                e.settings, e.variables, e.status, e.statusReason, e.created,
                e.modified, e.nextFireAt, e.lastFiredAt, e.fireCount);
    }
}
