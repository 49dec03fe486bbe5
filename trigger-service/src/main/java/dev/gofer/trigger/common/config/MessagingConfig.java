package dev.gofer.trigger.common.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How trigger-service publishes run requests ({@code gofer.trigger.messaging.*}). */
@ConfigMapping(prefix = "gofer.trigger.messaging")
public interface MessagingConfig {

    /** How long one publish may wait for the broker's acknowledgement before the sweep gives up and retries. */
    @WithDefault("10s")
    Duration publishTimeout();
}
