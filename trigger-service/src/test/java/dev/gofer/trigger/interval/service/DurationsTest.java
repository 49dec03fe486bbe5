package dev.gofer.trigger.interval.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"30s, PT30S", "5m, PT5M", "1h30m, PT1H30M", "3m30s, PT3M30S", "1.5h, PT1H30M", "250ms, PT0.25S",
            "1s500ms, PT1.5S", "2h45m30s, PT2H45M30S", "PT5M, PT5M", "pt1h, PT1H", "P1D, PT24H", "0, PT0S",
            "1000000us, PT1S", "' 10s ', PT10S"})
    void shouldParseWhenGoStyleOrIso8601(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "5", "soon", "5 m", "-5m", "+5m", "5M", "1d", "m", "1h-30m", "PT", "P5X",
            "9999999999h"})
    void shouldRejectWhenNotADuration(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectWhenNull() {
        assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"PT1M, 1m", "PT1H30M, 1h30m", "PT1.5S, 1s500ms", "PT0.25S, 250ms", "PT0S, 0s", "PT26H, 26h"})
    void shouldFormatGoStyleWhenPrinting(String iso, String expected) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1m", "1h30m", "1s500ms", "250ms", "26h"})
    void shouldReadBackWhatItPrintsWhenRoundTripping(String text) {
        assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
    }
}
