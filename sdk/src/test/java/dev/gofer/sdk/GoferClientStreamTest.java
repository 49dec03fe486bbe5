package dev.gofer.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The SSE streams: live task logs and events, including cut connections resumed with Last-Event-ID. */
@Timeout(30)
class GoferClientStreamTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LOGS = "/api/namespaces/default/pipelines/simple/runs/7/tasks/build/logs/stream";

    private FakeApi api;
    private GoferClient client;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
        client = GoferClient.builder(api.url()).reconnectDelay(Duration.ZERO).build();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    static String line(long seq, String text) {
        return "id: " + seq + "\nevent: line\ndata: {\"seq\":" + seq + ",\"stream\":\"stdout\",\"text\":\"" + text
                + "\",\"at\":" + (1700000000000L + seq) + "}\n\n";
    }

    @Test
    void shouldDeliverEveryLineOnceAndResumeWithLastEventIdWhenTheStreamIsCut() {
        // The first connection is cut in the middle of line 3; the server then replays line 2 once more.
        String cut = "retry: 0\n: keep-alive\n" + line(1, "compiling") + line(2, "linking")
                + "id: 3\nevent: line\ndata: {\"seq\":3,\"stream\":\"stdout\",\"text\":\"half";
        String resumed = line(2, "linking") + "event: ping\ndata: {}\n\n" + line(3, "done")
                + "event: end\ndata: {\"lines\":3}\n\n";
        api.onStream(LOGS, cut, resumed);
        List<LogLine> lines = new CopyOnWriteArrayList<>();

        long last = client.followTaskLogs("default", "simple", 7, "build", 0, lines::add);

        assertThat(lines).containsExactly(new LogLine(1, "stdout", "compiling", 1700000000001L),
                new LogLine(2, "stdout", "linking", 1700000000002L), new LogLine(3, "stdout", "done", 1700000000003L));
        assertThat(last).isEqualTo(3);
        List<FakeApi.Recorded> requests = api.requests("GET", LOGS);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).header("Accept")).isEqualTo("text/event-stream");
        assertThat(requests.get(0).header("Last-Event-ID")).isNull();
        assertThat(requests.get(0).query()).isNull();
        assertThat(requests.get(1).header("Last-Event-ID")).isEqualTo("2");
    }

    @Test
    void shouldAskForLinesAfterTheGivenSeqWhenFollowingFromTheMiddle() {
        api.onStream(LOGS, line(6, "six") + "event: end\ndata: {\"lines\":6}\n\n");
        List<String> texts = new CopyOnWriteArrayList<>();

        long last = client.followTaskLogs("default", "simple", 7, "build", 5, l -> texts.add(l.text()));

        assertThat(texts).containsExactly("six");
        assertThat(last).isEqualTo(6);
        assertThat(api.requests().get(0).query()).isEqualTo("after=5");
    }

    @Test
    void shouldReturnAtOnceWhenTheTaskIsCompleteWithoutLines() {
        api.onStream(LOGS, "event: end\ndata: {\"lines\":0}\n\n");

        long last = client.followTaskLogs("default", "simple", 7, "build", 0, l -> {
            throw new AssertionError("no line expected, got " + l);
        });

        assertThat(last).isZero();
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void shouldThrowTheProblemWithoutRetryingWhenTheTaskRunDoesNotExist() {
        GoferApiException e = catchThrowableOfType(GoferApiException.class,
                () -> client.followTaskLogs("default", "simple", 7, "nope", 0, l -> {
                }));

        assertThat(e.status()).isEqualTo(404);
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void shouldGiveUpAfterFiveAttemptsWhenTheApiKeepsFailing() {
        api.onStatuses("GET", LOGS, 503);

        GoferException e = catchThrowableOfType(GoferException.class,
                () -> client.followTaskLogs("default", "simple", 7, "build", 0, l -> {
                }));

        assertThat(e).hasMessageContaining("after 5 attempts in a row").hasMessageContaining("Service Unavailable");
        assertThat(api.requests()).hasSize(GoferClient.MAX_STREAM_ATTEMPTS);
    }

    @Test
    void shouldKeepRetryingWhileEachConnectionDeliversSomething() {
        // Six cut connections in a row, each with one new line: more than MAX_STREAM_ATTEMPTS, but never idle.
        String[] bodies = new String[7];
        for (int i = 0; i < 6; i++) {
            bodies[i] = line(i + 1, "l" + (i + 1));
        }
        bodies[6] = "event: end\ndata: {\"lines\":6}\n\n";
        api.onStream(LOGS, bodies);
        List<Long> seqs = new CopyOnWriteArrayList<>();

        client.followTaskLogs("default", "simple", 7, "build", 0, l -> seqs.add(l.seq()));

        assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(api.requests()).extracting(r -> r.header("Last-Event-ID"))
                .containsExactly(null, "1", "2", "3", "4", "5", "6");
    }

    @Test
    void shouldStopWithAGoferExceptionAndKeepTheFlagWhenTheFollowingThreadIsInterrupted() throws Exception {
        api.onOpenStream(LOGS, line(1, "still running"));
        CountDownLatch firstLine = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        Thread follower = new Thread(() -> {
            try {
                client.followTaskLogs("default", "simple", 7, "build", 0, l -> firstLine.countDown());
            } catch (RuntimeException e) {
                failure.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        follower.start();

        assertThat(firstLine.await(10, TimeUnit.SECONDS)).isTrue();
        follower.interrupt();
        follower.join(10_000);

        assertThat(follower.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(GoferException.class).hasMessageContaining("interrupted");
        assertThat(flagKept.get()).isTrue();
    }

    @Test
    void shouldParseTheEnvelopeAndResumeWithTheLastEventIdWhenFollowingEvents() throws Exception {
        String first = "retry: 0\n" + """
                id: e-1
                event: run.started
                data: {"id":"e-1","type":"run.started","occurred_at":"2026-11-28T09:00:00Z","key":"default/simple",
                data:  "payload":{"run_id":7}}

                id: e-2
                event: run.completed
                data: {"id":"e-2","type":"run.completed","occurred_at":1700000000000,"key":"default/simple",
                data: "payload":{"run_id":7,"status":"successful"},"unknown":true}

                """;
        // After the cut, the reconnect is answered with 204: the client stops following.
        api.onSequence("GET", "/api/events", FakeApi.stream(first), FakeApi.noContent());
        List<Event> events = new CopyOnWriteArrayList<>();

        client.followEvents(null, Instant.parse("2026-11-28T08:00:00Z"), events::add);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new Event("e-1", "run.started", Instant.parse("2026-11-28T09:00:00Z"),
                "default/simple", MAPPER.readTree("{\"run_id\":7}")));
        assertThat(events.get(1).occurredAt()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
        assertThat(events.get(1).payload().get("status").asText()).isEqualTo("successful");
        List<FakeApi.Recorded> requests = api.requests("GET", "/api/events");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).query()).isEqualTo("since=2026-11-28T08:00:00Z");
        assertThat(requests.get(1).query()).isNull();
        assertThat(requests.get(1).header("Last-Event-ID")).isEqualTo("e-2");
    }

    @Test
    void shouldUseTheSseFieldsWhenTheEventDataIsNotAnEnvelope() throws Exception {
        api.onSequence("GET", "/api/events",
                FakeApi.stream("id: 41\nevent: task-run.started\ndata: {\"run_id\":7,\"task_id\":\"build\"}\n\n"),
                FakeApi.noContent());
        List<Event> events = new CopyOnWriteArrayList<>();

        client.followEvents("40", null, events::add);

        assertThat(events).containsExactly(new Event("41", "task-run.started", null, null,
                MAPPER.readTree("{\"run_id\":7,\"task_id\":\"build\"}")));
        assertThat(api.requests().get(0).query()).isEqualTo("after=40");
    }

    @Test
    void shouldReturnTheHistoryWhenTheEventStreamGoesQuiet() {
        api.onOpenStream("/api/events", """
                id: 1
                data: {"id":"1","type":"namespace.created","key":"team-a","payload":{"id":"team-a"}}

                id: 2
                data: {"id":"2","type":"pipeline.created","key":"team-a/simple","payload":{}}

                """);

        List<Event> events = client.listEvents(null, Instant.EPOCH, Duration.ofMillis(300));

        assertThat(events).extracting(Event::type).containsExactly("namespace.created", "pipeline.created");
        assertThat(api.requests()).hasSize(1);
        assertThat(api.requests().get(0).query()).isEqualTo("follow=false&since=1970-01-01T00:00:00Z");
    }

    @Test
    void shouldReturnWithoutReconnectingWhenTheApiEndsTheHistory() {
        // The API's own shape: id = stream position, event = type, data with event_id and emitted.
        api.onStream("/api/events", """
                id: 12
                event: config.registered
                data: {"id":12,"event_id":"3f1b","type":"config.registered","key":"default/simple",
                data: "emitted":1700000000000,"payload":{"version":2}}

                """);

        List<Event> events = client.listEvents("11", null, null);

        assertThat(events).extracting(Event::id, Event::type, Event::occurredAt)
                .containsExactly(tuple("12", "config.registered", Instant.ofEpochMilli(1700000000000L)));
        assertThat(events.get(0).payload().get("version").asInt()).isEqualTo(2);
        assertThat(api.requests()).hasSize(1);
        assertThat(api.requests().get(0).query()).isEqualTo("after=11&follow=false");
    }
}
