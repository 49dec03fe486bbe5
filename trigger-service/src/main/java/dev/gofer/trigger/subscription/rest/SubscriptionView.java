package dev.gofer.trigger.subscription.rest;

import java.time.Instant;
import java.util.Map;

import dev.gofer.trigger.subscription.service.Subscription;

/**
 * A subscription on the wire. Times are epoch milliseconds, {@code 0} when not set (Gofer's convention):
 * {@code next_fire_at} is 0 for triggers not driven by the clock, {@code last_fired_at} before the first fire.
 */
public record SubscriptionView(String namespaceId, String pipelineId, String trigger, String subscriptionId,
        Map<String, String> settings, Map<String, String> variables, String status, String statusReason,
        long created, long modified, long nextFireAt, long lastFiredAt, long fireCount) {

    static SubscriptionView from(Subscription s) {
        return new SubscriptionView(s.namespaceId(), s.pipelineId(), s.trigger(), s.subscriptionId(), s.settings(),
                s.variables(), s.status(), s.statusReason(), millis(s.created()), millis(s.modified()),
                millis(s.nextFireAt()), millis(s.lastFiredAt()), s.fireCount());
    }

    private static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }
}
