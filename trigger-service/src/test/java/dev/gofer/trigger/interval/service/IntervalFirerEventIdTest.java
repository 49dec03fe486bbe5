package dev.gofer.trigger.interval.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class IntervalFirerEventIdTest {

    @Test
    void shouldNameSubscriptionAndDueTimeWhenBuildingEventId() {
        String id = IntervalFirer.eventId("default", "nightly", "every-five", Instant.ofEpochMilli(1_700_000_000_123L));

        assertThat(id).isEqualTo("interval:default/nightly/every-five:1700000000123");
    }
}
