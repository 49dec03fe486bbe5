package dev.gofer.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SseParserTest {

    private static List<SseEvent> feed(SseParser parser, String... lines) {
        List<SseEvent> events = new ArrayList<>();
        for (String line : lines) {
            SseEvent event = parser.line(line);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    @Test
    void shouldJoinDataLinesAndDefaultTheTypeWhenAnEventHasNoName() {
        List<SseEvent> events = feed(new SseParser(null), "data: first", "data:second", "data:  third", "");

        assertThat(events).containsExactly(new SseEvent(null, "message", "first\nsecond\n third"));
    }

    @Test
    void shouldIgnoreCommentsAndUnknownFieldsWhenParsing() {
        List<SseEvent> events = feed(new SseParser(null), ": keep-alive", "foo: bar", "event: line", "id: 4",
                "data: x", "");

        assertThat(events).containsExactly(new SseEvent("4", "line", "x"));
    }

    @Test
    void shouldNotDispatchButMoveTheIdWhenAnEventHasNoData() {
        SseParser parser = new SseParser("1");

        List<SseEvent> events = feed(parser, "id: 2", "event: nothing", "", "data: after", "");

        assertThat(events).containsExactly(new SseEvent("2", "message", "after"));
        assertThat(parser.lastEventId()).isEqualTo("2");
    }

    @Test
    void shouldKeepTheResumePointWhenAnEventIsCutOff() {
        SseParser parser = new SseParser("7");

        List<SseEvent> events = feed(parser, "id: 8", "event: line", "data: {\"seq\":8");

        assertThat(events).isEmpty();
        assertThat(parser.lastEventId()).isEqualTo("7");
    }

    @Test
    void shouldReadRetryOnlyWhenItIsDigitsWhenParsing() {
        SseParser parser = new SseParser(null);

        feed(parser, "retry: soon");
        assertThat(parser.retryMillis()).isNull();
        feed(parser, "retry: 2500");
        assertThat(parser.retryMillis()).isEqualTo(2500L);
    }

    @Test
    void shouldKeepTheIdForLaterEventsWhenTheyDoNotSetOne() {
        List<SseEvent> events = feed(new SseParser(null), "id: a", "data: 1", "", "data: 2", "");

        assertThat(events).extracting(SseEvent::id).containsExactly("a", "a");
    }
}
