package dev.gofer.trigger.interval.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The interval trigger's settings ({@code gofer.trigger.interval.*}, env {@code GOFER_TRIGGER_INTERVAL_*}). */
@ConfigMapping(prefix = "gofer.trigger.interval")
public interface IntervalConfig {

    /** The shortest {@code every} a subscription may ask for (env {@code GOFER_TRIGGER_INTERVAL_MIN_EVERY}). */
    @WithDefault("1m")
    Duration minEvery();

    /** How often the sweep looks for due subscriptions: how late a fire can be. The scheduler's floor is 1 s. */
    @WithDefault("1s")
    Duration sweepEvery();

    /** Due subscriptions fired per transaction; a sweep keeps going while batches come back full. */
    @WithDefault("100")
    int batchSize();
}
