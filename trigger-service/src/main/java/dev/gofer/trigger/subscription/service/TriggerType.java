package dev.gofer.trigger.subscription.service;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One kind of trigger a pipeline can subscribe to ({@code interval} now; {@code cron}, webhooks and Kafka later). Each
 * kind is a CDI bean; {@link TriggerTypes} finds them, so adding a kind adds a bean and nothing else here.
 */
public interface TriggerType {

    /** The name in {@code trigger} fields and paths, e.g. {@code interval}. */
    String kind();

    /**
     * Checks a subscription's settings and returns the ones to store.
     *
     * @throws dev.gofer.trigger.common.service.TriggerException invalid, naming the field as
     *         {@code settings.<key>}
     */
    Map<String, String> validate(Map<String, String> settings);

    /** When a new subscription first fires, for clock-driven kinds; empty for kinds driven by outside events. */
    Optional<Instant> firstFireAt(Map<String, String> settings, Instant created);
}
