package dev.gofer.trigger.interval.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class IntervalScheduleTest {

    private static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void shouldFireOneIntervalAfterCreationWhenFirst() {
        assertThat(IntervalSchedule.first(T0, FIVE_MINUTES)).isEqualTo(T0.plus(FIVE_MINUTES));
    }

    @Test
    void shouldMoveOneIntervalWhenFiredOnTime() {
        Instant now = T0.plusMillis(300);

        assertThat(IntervalSchedule.nextAfter(T0, FIVE_MINUTES, now)).isEqualTo(T0.plus(FIVE_MINUTES));
    }

    @Test
    void shouldSkipMissedFiresAndKeepPhaseWhenLate() {
        Instant now = T0.plus(Duration.ofMinutes(17));

        assertThat(IntervalSchedule.nextAfter(T0, FIVE_MINUTES, now)).isEqualTo(T0.plus(Duration.ofMinutes(20)));
    }

    @Test
    void shouldBeStrictlyAfterNowWhenNowIsExactlyADueTime() {
        Instant now = T0.plus(Duration.ofMinutes(10));

        assertThat(IntervalSchedule.nextAfter(T0, FIVE_MINUTES, now)).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void shouldKeepDueTimeWhenNotYetDue() {
        Instant now = T0.minusSeconds(1);

        assertThat(IntervalSchedule.nextAfter(T0, FIVE_MINUTES, now)).isEqualTo(T0);
    }

    @Test
    void shouldRejectWhenIntervalIsBelowOneMillisecond() {
        assertThatThrownBy(() -> IntervalSchedule.first(T0, Duration.ofNanos(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
