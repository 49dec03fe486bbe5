package dev.gofer.api.log.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.gofer.api.ApiException;
import dev.gofer.api.common.config.ApiConfig;
import dev.gofer.api.log.service.LogService.LogLineView;
import dev.gofer.api.log.service.LogService.LogPage;
import dev.gofer.api.log.service.LogService.LogProgress;
import dev.gofer.api.log.service.LogService.LogsChanged;
import dev.gofer.api.log.service.LogService.TaskLog;
import dev.gofer.events.TaskRunRef;

/** The follower state machine against an in-memory log: paging, waking, gaps, keep-alives, the end, limits. */
class LogFollowersTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final TaskLog LOG = new TaskLog(new TaskRunRef("default", "p", 1, "t"), 1);

    private final MemoryLog log = new MemoryLog();
    private final LogFollowers followers = new LogFollowers();

    private void start(Duration poll, Duration keepAlive, Duration gapTimeout) {
        followers.logs = log;
        followers.settings = new Settings(poll, keepAlive, gapTimeout, 3, 1 << 20, 2, 1);
        followers.start();
    }

    @AfterEach
    void stop() {
        followers.stop();
    }

    @Test
    void shouldSendEveryLineInOrderThenEndWhenTaskRunCompletes() {
        start(Duration.ofMillis(20), Duration.ofMinutes(1), Duration.ofMinutes(1));
        log.add(1, 7);
        log.complete(7L);
        RecordingSink sink = new RecordingSink();

        followers.follow(LOG, 0, sink);

        await().atMost(WAIT).until(() -> sink.end.isDone());
        assertThat(sink.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(sink.end.join()).isEqualTo(7);
        assertThat(sink.opened).isEqualTo("after 0");
        assertThat(followers.openStreams()).isZero();
    }

    @Test
    void shouldResumeAfterGivenLineWhenFollowingFromTheMiddle() {
        start(Duration.ofMillis(20), Duration.ofMinutes(1), Duration.ofMinutes(1));
        log.add(1, 5);
        log.complete(5L);
        RecordingSink sink = new RecordingSink();

        followers.follow(LOG, 3, sink);

        await().atMost(WAIT).until(() -> sink.end.isDone());
        assertThat(sink.seqs()).containsExactly(4L, 5L);
    }

    @Test
    void shouldWakeAtOnceWhenLinesOfItsTaskRunAreStored() {
        start(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1));
        log.add(1, 2);
        RecordingSink sink = new RecordingSink();
        followers.follow(LOG, 0, sink);
        await().atMost(WAIT).until(() -> sink.seqs().size() == 2);

        log.add(3, 4);
        followers.onChanged(new LogsChanged("default/p/1/other"));
        followers.onChanged(new LogsChanged(LOG.taskRun().key()));

        await().atMost(WAIT).until(() -> sink.seqs().size() == 4);
        assertThat(sink.seqs()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(sink.end).isNotDone();
    }

    @Test
    void shouldWaitForMissingLineWhenLaterLinesArriveFirst() {
        start(Duration.ofMillis(20), Duration.ofMinutes(1), Duration.ofMinutes(1));
        log.add(1, 2);
        log.add(4, 5);
        RecordingSink sink = new RecordingSink();
        followers.follow(LOG, 0, sink);
        await().atMost(WAIT).until(() -> log.reads.get() > 5);
        assertThat(sink.seqs()).containsExactly(1L, 2L);

        log.add(3, 3);
        log.complete(5L);

        await().atMost(WAIT).until(() -> sink.end.isDone());
        assertThat(sink.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void shouldSkipMissingLineWhenItDoesNotArriveWithinGapTimeout() {
        start(Duration.ofMillis(20), Duration.ofMinutes(1), Duration.ofMillis(300));
        log.add(1, 2);
        log.add(4, 5);
        log.complete(5L);
        RecordingSink sink = new RecordingSink();

        followers.follow(LOG, 0, sink);

        await().atMost(WAIT).until(() -> sink.end.isDone());
        assertThat(sink.seqs()).containsExactly(1L, 2L, 4L, 5L);
        assertThat(sink.end.join()).isEqualTo(5);
    }

    @Test
    void shouldEndWhenCompleteTaskRunsLastLinesNeverArrive() {
        start(Duration.ofMillis(20), Duration.ofMinutes(1), Duration.ofMillis(300));
        log.add(1, 2);
        log.complete(4L);
        RecordingSink sink = new RecordingSink();

        followers.follow(LOG, 0, sink);

        await().atMost(WAIT).until(() -> sink.end.isDone());
        assertThat(sink.seqs()).containsExactly(1L, 2L);
        assertThat(sink.end.join()).isEqualTo(4);
    }

    @Test
    void shouldSendKeepAliveWhenNothingHappens() {
        start(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMinutes(1));
        RecordingSink sink = new RecordingSink();

        followers.follow(LOG, 0, sink);

        await().atMost(WAIT).until(() -> sink.keepAlives.get() >= 2);
        assertThat(sink.seqs()).isEmpty();
    }

    @Test
    void shouldEndWithNoLinesWhenLogsAreRemoved() {
        start(Duration.ofMillis(20), Duration.ofMinutes(1), Duration.ofMinutes(1));
        log.removed = true;
        RecordingSink sink = new RecordingSink();

        followers.follow(LOG, 0, sink);

        await().atMost(WAIT).until(() -> sink.end.isDone());
        assertThat(sink.end.join()).isZero();
    }

    @Test
    void shouldForgetFollowerWhenClientGoes() {
        start(Duration.ofMillis(20), Duration.ofMinutes(1), Duration.ofMinutes(1));
        RecordingSink sink = new RecordingSink();
        followers.follow(LOG, 0, sink);
        assertThat(followers.openStreams()).isEqualTo(1);

        sink.closed = true;

        await().atMost(WAIT).until(() -> followers.openStreams() == 0);
    }

    @Test
    void shouldRefuseStreamWhenTooManyAreOpen() {
        start(Duration.ofMillis(20), Duration.ofMinutes(1), Duration.ofMinutes(1));
        followers.follow(LOG, 0, new RecordingSink());
        followers.follow(LOG, 0, new RecordingSink());
        RecordingSink third = new RecordingSink();

        assertThatThrownBy(() -> followers.follow(LOG, 0, third)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(503));
        assertThat(third.opened).isNull();
        assertThat(followers.openStreams()).isEqualTo(2);
    }

    /** A task log in memory, with the progress fields a test sets. */
    private static final class MemoryLog extends LogService {
        final TreeMap<Long, LogLineView> lines = new TreeMap<>();
        final AtomicInteger reads = new AtomicInteger();
        volatile boolean complete;
        volatile Long expected;
        volatile boolean removed;

        synchronized void add(long from, long to) {
            for (long seq = from; seq <= to; seq++) {
                lines.put(seq, new LogLineView(seq, "stdout", "line " + seq, seq));
            }
        }

        void complete(Long expectedLines) {
            expected = expectedLines;
            complete = true;
        }

        @Override
        public synchronized LogPage next(TaskLog log, long after, int maxLines, int maxBytes) {
            reads.incrementAndGet();
            List<LogLineView> page = new ArrayList<>();
            long next = after + 1;
            for (LogLineView line : lines.tailMap(after, false).values()) {
                if (line.seq() != next || page.size() == maxLines) {
                    break;
                }
                page.add(line);
                next++;
            }
            if (!page.isEmpty()) {
                return new LogPage(page, null);
            }
            Long nextStored = lines.higherKey(after);
            return new LogPage(List.of(), new LogProgress(true, log.attempt(), complete, expected, removed,
                    nextStored == null ? 0 : nextStored));
        }
    }

    private static final class RecordingSink implements LogSink {
        final List<LogLineView> lines = new CopyOnWriteArrayList<>();
        final AtomicInteger keepAlives = new AtomicInteger();
        final CompletableFuture<Long> end = new CompletableFuture<>();
        volatile String opened;
        volatile boolean closed;

        List<Long> seqs() {
            return lines.stream().map(LogLineView::seq).toList();
        }

        @Override
        public void open(TaskLog log, long after) {
            opened = "after " + after;
        }

        @Override
        public CompletionStage<?> lines(List<LogLineView> page) {
            lines.addAll(page);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> keepAlive() {
            keepAlives.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void end(long count) {
            end.complete(count);
            closed = true;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }
    }

    /** The follower settings of a test. */
    private record Settings(Duration pollInterval, Duration keepAlive, Duration gapTimeout, int pageLines,
            int pageBytes, int maxStreams, int threads) implements ApiConfig.Logs {
    }
}
