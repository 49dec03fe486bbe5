package dev.gofer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

@Timeout(60)
class EventListCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EVENTS = "/api/events";
    private static final String HISTORY = """
            id: 41
            event: run.started
            data: {"id":41,"event_id":"e-41","type":"run.started","key":"default/simple","emitted":1700000000000,
            data: "payload":{"namespace_id":"default","pipeline_id":"simple","run_id":7}}

            id: 42
            event: run.completed
            data: {"id":42,"event_id":"e-42","type":"run.completed","key":"default/simple","emitted":1700000005000,
            data: "payload":{"run_id":7,"status":"successful"}}

            """;

    private FakeApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void shouldAskForTheWholeHistoryOnlyAndPrintATableWhenListingEvents() {
        api.onStream(EVENTS, HISTORY);

        Cli.Result result = Cli.run("--api-url", api.url(), "event", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.requests()).hasSize(1);
        assertThat(api.requests().get(0).query()).isEqualTo("follow=false&since=1970-01-01T00:00:00Z");
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("ID  TIME").contains("  TYPE           KEY             PAYLOAD");
        assertThat(lines.get(1)).startsWith("41  ").contains("  run.started    default/simple  {\"namespace_id\"");
        assertThat(lines.get(2)).startsWith("42  ")
                .endsWith("  run.completed  default/simple  {\"run_id\":7,\"status\":\"successful\"}");
    }

    @Test
    void shouldStartBehindTheGivenEventAndPrintJsonWhenListingAfterAnId() throws Exception {
        api.onStream(EVENTS, HISTORY);

        Cli.Result result = Cli.run("--api-url", api.url(), "event", "list", "--after", "40", "-o", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.requests().get(0).query()).isEqualTo("after=40&follow=false");
        JsonNode json = MAPPER.readTree(result.out());
        assertThat(json.at("/events/0/id").asText()).isEqualTo("41");
        assertThat(json.at("/events/0/occurred_at").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(json.at("/events/1/payload/status").asText()).isEqualTo("successful");
    }

    @Test
    void shouldPrintOneJsonLinePerEventAndResumeWithLastEventIdWhenFollowing() throws Exception {
        api.onStreamThenStop(EVENTS, "retry: 0\n" + HISTORY);

        Cli.Result result = Cli.run("--api-url", api.url(), "-o", "json", "event", "list", "--follow", "--since",
                "2026-11-28T09:00:00Z");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(MAPPER.readTree(lines.get(0)).get("type").asText()).isEqualTo("run.started");
        assertThat(MAPPER.readTree(lines.get(1)).get("key").asText()).isEqualTo("default/simple");
        List<FakeApi.Recorded> requests = api.requests("GET", EVENTS);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).query()).isEqualTo("since=2026-11-28T09:00:00Z");
        assertThat(requests.get(1).query()).isNull();
        assertThat(requests.get(1).header("Last-Event-ID")).isEqualTo("42");
    }

    @Test
    void shouldPrintOneAlignedLinePerEventWhenFollowingInPlainText() {
        api.onStreamThenStop(EVENTS, "retry: 0\n" + HISTORY);

        Cli.Result result = Cli.run("--api-url", api.url(), "event", "list", "-f");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).indexOf("run.started")).isEqualTo(lines.get(1).indexOf("run.completed"));
        assertThat(lines.get(0).indexOf("default/simple")).isEqualTo(lines.get(1).indexOf("default/simple"));
        assertThat(api.requests().get(0).query()).isNull();
    }

    @Test
    void shouldExitTwoWithoutARequestWhenAfterAndSinceAreBothGiven() {
        Cli.Result result = Cli.run("--api-url", api.url(), "event", "list", "--after", "1", "--since", "1h");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("mutually exclusive");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldExitTwoWithoutARequestWhenSinceIsNotATime() {
        Cli.Result result = Cli.run("--api-url", api.url(), "event", "list", "--since", "yesterday");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("expected an ISO-8601 instant");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldSubtractFromNowWhenSinceIsATimeAgo() {
        SinceConverter converter = new SinceConverter(
                Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

        assertThat(converter.convert("30m")).isEqualTo(Instant.parse("2026-11-28T11:30:00Z"));
        assertThat(converter.convert("2h")).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(converter.convert("1d")).isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
        assertThat(converter.convert("2026-11-01T00:00:00Z")).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> converter.convert("10w"))
                .isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
