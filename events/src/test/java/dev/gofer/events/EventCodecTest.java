package dev.gofer.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

class EventCodecTest {

    /** Every golden sample: one per single-type payload, one per domain-event record (each covers its kinds). */
    static List<String> registeredTypes() {
        return EventTypes.all().stream().map(EventTypes.Registration::type)
                .filter(t -> EventCodecTest.class.getResource("/golden/v1/" + t + ".json") != null).toList();
    }

    @Test
    void shouldHaveGoldenSampleForEveryPayloadClassWhenContractChanges() {
        java.util.Set<Class<?>> covered = registeredTypes().stream()
                .map(t -> (Class<?>) EventTypes.byType(t).orElseThrow().payloadClass())
                .collect(java.util.stream.Collectors.toSet());

        assertThat(covered).containsAll(
                EventTypes.all().stream().map(r -> (Class<?>) r.payloadClass()).toList());
    }

    @Test
    void shouldUseKindAsTypeWhenWrappingDomainEvent() {
        var event = new RunChanged(RunChanged.STARTED, "default", "simple", 4, "running", "unknown", null);

        Envelope<RunChanged> envelope = Envelope.of(event.aggregateKey(), event);

        assertThat(envelope.type()).isEqualTo("run.started");
        assertThat(EventCodec.decode(EventCodec.encode(envelope)).payload()).isEqualTo(event);
        assertThatThrownBy(() -> Envelope.of("k", new RunChanged("run.exploded", "d", "p", 1, "", "", null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeyStoreEventByPipelineOrRunWhenRunIdIsSet() {
        var evicted = new StoreChanged(StoreChanged.OBJECT_EVICTED, "default", "simple", null, "old", null);
        var expired = new StoreChanged(StoreChanged.RUN_OBJECTS_EXPIRED, "default", "simple", 3L, null,
                List.of("a", "b"));

        Envelope<StoreChanged> envelope = Envelope.of(expired.aggregateKey(), expired);

        assertThat(evicted.aggregateKey()).isEqualTo("default/simple");
        assertThat(evicted.keys()).isEmpty();
        assertThat(envelope.key()).isEqualTo("default/simple/3");
        assertThat(envelope.type()).isEqualTo("run-objects.expired");
        assertThat(EventCodec.decode(EventCodec.encode(envelope), DomainEvent.class).payload()).isEqualTo(expired);
        assertThatThrownBy(() -> new StoreChanged(StoreChanged.OBJECT_STORED, "default", " ", null, "k", null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("pipeline_id");
    }

    @ParameterizedTest
    @MethodSource("registeredTypes")
    void shouldRoundTripGoldenSampleWhenDecodedAndEncodedAgain(String type) throws IOException {
        byte[] golden = golden(type);

        Envelope<?> decoded = EventCodec.decode(golden);
        JsonNode reEncoded = EventCodec.mapper().readTree(EventCodec.encode(decoded));

        assertThat(decoded.type()).isEqualTo(type);
        assertThat(decoded.version()).isEqualTo(1);
        assertThat(reEncoded).isEqualTo(EventCodec.mapper().readTree(golden));
    }

    @Test
    void shouldDecodeRunRequestedGoldenIntoItsFields() throws IOException {
        Envelope<?> envelope = EventCodec.decode(golden(RunRequested.TYPE));

        assertThat(envelope.eventId()).isEqualTo("3f1b2c4d-0000-4000-8000-000000000001");
        assertThat(envelope.key()).isEqualTo("default/simple");
        assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
        assertThat(envelope.payload()).isEqualTo(new RunRequested("default", "simple", Map.of("GREETING", "hello"),
                new Initiator("external", "billing-system")));
    }

    @Test
    void shouldWriteSnakeCaseAndEnumWireNamesWhenEncoding() {
        var ref = new TaskRunRef("default", "simple", 7, "build");
        var envelope = Envelope.of(ref.key(), new TaskRunToResolve(ref, 1, "local/busybox:latest", List.of(),
                List.of("true"), List.of(new Variable("A", "b", VariableSource.RUN_OPTIONS)), null,
                PullPolicy.ALWAYS));

        String json = EventCodec.encodeToString(envelope);

        assertThat(json).contains("\"task_run\":{\"namespace_id\":\"default\"", "\"run_id\":7",
                "\"source\":\"run_options\"", "\"pull_policy\":\"always\"", "\"type\":\"task-run.to-resolve\"");
    }

    @Test
    void shouldDefaultOptionalFieldsWhenOutsidePublisherOmitsThem() {
        String minimal = """
                {"event_id":"x-1","type":"run.requested","version":1,"occurred_at":"2026-11-28T09:00:00Z",
                 "key":"default/simple","payload":{"namespace_id":"default","pipeline_id":"simple"}}
                """;

        RunRequested request = (RunRequested) EventCodec.decode(minimal.getBytes(StandardCharsets.UTF_8)).payload();

        assertThat(request.variables()).isEmpty();
        assertThat(request.initiator()).isEqualTo(new Initiator("external", ""));
    }

    @Test
    void shouldReadRecordsWrittenBeforeControlsAndTimeoutsExisted() {
        String exited = """
                {"event_id":"x-2","type":"task-run.exited","version":1,"occurred_at":"2026-11-28T09:00:00Z",
                 "key":"default/simple/1/t","payload":{"task_run":{"namespace_id":"default","pipeline_id":"simple",
                 "run_id":1,"task_id":"t"},"attempt":1,"worker_id":"w","exit_code":0,"log_lines":2}}
                """;
        String ready = """
                {"event_id":"x-3","type":"task-run.ready","version":1,"occurred_at":"2026-11-28T09:00:00Z",
                 "key":"default/simple/1/t","payload":{"task_run":{"namespace_id":"default","pipeline_id":"simple",
                 "run_id":1,"task_id":"t"},"attempt":1,"image":"busybox"}}
                """;

        assertThat(((TaskRunExited) decode(exited).payload()).timedOut()).isFalse();
        assertThat(((TaskRunExited) decode(exited).payload()).containerId()).isNull();
        assertThat(((TaskRunReady) decode(ready).payload()).controls()).isEqualTo(TaskControls.NONE);
    }

    @Test
    void shouldCarryContainerIdOfExitAndCancelWhenGiven() {
        TaskRunRef ref = new TaskRunRef("default", "simple", 1, "t");
        TaskRunExited exited = new TaskRunExited(ref, 1, "w", 0, 2, false, "c0ffee");
        TaskRunCancel fence = new TaskRunCancel(ref, 1, 3, "fenced", "c0ffee");

        String exitedJson = new String(EventCodec.encode(Envelope.of(ref.key(), exited)), StandardCharsets.UTF_8);
        String fenceJson = new String(EventCodec.encode(Envelope.of(ref.key(), fence)), StandardCharsets.UTF_8);

        assertThat(exitedJson).contains("\"container_id\":\"c0ffee\"");
        assertThat(fenceJson).contains("\"container_id\":\"c0ffee\"");
        assertThat(decode(exitedJson).payload()).isEqualTo(exited);
        assertThat(decode(fenceJson).payload()).isEqualTo(fence);
        assertThat(new TaskRunCancel(ref, 1, 3, "user_cancelled").containerId()).isNull();
    }

    @Test
    void shouldRefuseControlsOutOfRangeWithFieldName() {
        assertThatThrownBy(() -> new TaskControls(0L, null, null, null)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("timeout_seconds");
        assertThatThrownBy(() -> new TaskControls(null, null, 1024L, null)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("memory_bytes");
        assertThatThrownBy(() -> new TaskControls(null, null, null, "container:x"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("network_mode");
    }

    @Test
    void shouldNameTheReasonWhenRecordIsInvalid() {
        assertThatThrownBy(() -> EventCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class).hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> EventCodec.decode(new byte[0]))
                .isInstanceOf(InvalidEventException.class).hasMessage("empty record value");
        assertThatThrownBy(() -> decode("{\"event_id\":\"a\",\"type\":\"run.exploded\",\"version\":1}"))
                .isInstanceOf(InvalidEventException.class).hasMessage("unknown event type 'run.exploded'");
        assertThatThrownBy(() -> decode("""
                {"event_id":"a","type":"run.requested","version":9,"occurred_at":"2026-11-28T09:00:00Z","key":"k",
                 "payload":{"namespace_id":"default","pipeline_id":"simple"}}"""))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("unsupported version 9");
        assertThatThrownBy(() -> decode("""
                {"event_id":"a","type":"run.requested","version":1,"occurred_at":"2026-11-28T09:00:00Z","key":"k",
                 "payload":{"namespace_id":"default"}}"""))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("invalid 'run.requested': field 'pipeline_id' is required and must not be blank");
        assertThatThrownBy(() -> decode("""
                {"type":"run.requested","version":1,"occurred_at":"2026-11-28T09:00:00Z","key":"k",
                 "payload":{"namespace_id":"default","pipeline_id":"simple"}}"""))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("'event_id' is required");
    }

    @Test
    void shouldRefuseEventOfAnotherFamilyWhenFamilyIsGiven() throws IOException {
        byte[] logChunk = golden(LogChunk.TYPE);

        assertThatThrownBy(() -> EventCodec.decode(logChunk, TaskRunEvent.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("event type 'log.chunk' does not belong on a topic of TaskRunEvent");
    }

    @Test
    void shouldListEveryTopicWithItsDeadLetterTwin() {
        assertThat(Topics.all()).contains(Topics.RUN_REQUESTS, "gofer.run-requests.dlq", Topics.TASK_RUN_LOGS,
                "gofer.task-runs.logs.dlq", Topics.TASK_RUNS_CANCEL, Topics.EVENTS, Topics.WORKER_HEARTBEATS,
                Topics.TOKENS,
                "gofer.workers.heartbeats.dlq").hasSize(18);
    }

    private static Envelope<?> decode(String json) {
        return EventCodec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] golden(String type) throws IOException {
        try (InputStream in = EventCodecTest.class.getResourceAsStream("/golden/v1/" + type + ".json")) {
            assertThat(in).as("golden sample for %s", type).isNotNull();
            return in.readAllBytes();
        }
    }
}
