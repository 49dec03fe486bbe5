package dev.gofer.trigger.interval.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gofer.trigger.common.service.TriggerException;
import dev.gofer.trigger.interval.config.IntervalConfig;
import dev.gofer.trigger.subscription.service.TriggerType;

/**
 * Gofer's interval trigger: one setting, {@code every}, at least {@code gofer.trigger.interval.min-every}. The first
 * run is one interval after the subscription is created.
 */
@ApplicationScoped
public class IntervalTrigger implements TriggerType {

    public static final String KIND = "interval";
    static final String EVERY = "every";

    private final IntervalConfig config;

    public IntervalTrigger(IntervalConfig config) {
        this.config = config;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, String> validate(Map<String, String> settings) {
        for (String key : settings.keySet()) {
            if (!EVERY.equals(key)) {
                throw TriggerException.invalid("settings." + key,
                        "unknown setting of trigger '" + KIND + "' (known: " + EVERY + ")");
            }
        }
        String text = settings.get(EVERY);
        if (text == null || text.isBlank()) {
            throw TriggerException.invalid("settings." + EVERY, "is required, e.g. \"5m\"");
        }
        Duration every;
        try {
            every = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw TriggerException.invalid("settings." + EVERY,
                    "'" + text + "' is not a duration like 30s, 5m, 1h30m or PT5M");
        }
        Duration min = config.minEvery();
        if (every.compareTo(min) < 0 || every.toMillis() < 1) {
            throw TriggerException.invalid("settings." + EVERY,
                    "must be at least " + Durations.format(min) + " (got '" + text + "')");
        }
        return Map.of(EVERY, text.strip());
    }

    @Override
    public Optional<Instant> firstFireAt(Map<String, String> settings, Instant created) {
        return Optional.of(IntervalSchedule.first(created, every(settings)));
    }

    /** The stored interval of a subscription (validated when it was created). */
    Duration every(Map<String, String> settings) {
        return Durations.parse(settings.get(EVERY));
    }
}
