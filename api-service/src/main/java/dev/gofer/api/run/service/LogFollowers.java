package dev.gofer.api.run.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.gofer.api.ApiException;
import dev.gofer.api.run.service.LogService.LogsChanged;
import dev.gofer.api.run.service.LogService.TaskLog;

/**
 * Live followers of task logs. A follower is woken at once when this instance commits new lines of its task run
 * ({@link LogsChanged}, after commit), and polls the database otherwise (lines stored by another api instance, the
 * task run completing). Followers share a small pool of threads and never block one: each reads at most one page
 * (bounded in lines and bytes) and waits, without a thread, until the client has taken it before reading the next.
 */
@ApplicationScoped
public class LogFollowers {

    private static final Logger LOG = Logger.getLogger(LogFollowers.class);

    @Inject
    LogService logs;

    /** How often an idle follower looks for lines stored by another instance, and for the end of the task run. */
    @ConfigProperty(name = "gofer.api.logs.poll-interval", defaultValue = "500ms")
    Duration pollInterval;

    /** A comment goes out after this long without a line. */
    @ConfigProperty(name = "gofer.api.logs.keep-alive", defaultValue = "15s")
    Duration keepAlive;

    /** How long a follower waits for a missing line (or the last lines of a complete task run) before moving on. */
    @ConfigProperty(name = "gofer.api.logs.gap-timeout", defaultValue = "60s")
    Duration gapTimeout;

    @ConfigProperty(name = "gofer.api.logs.page-lines", defaultValue = "500")
    int pageLines;

    @ConfigProperty(name = "gofer.api.logs.page-bytes", defaultValue = "262144")
    int pageBytes;

    /** Streams open at once on this instance; one more is refused with 503. */
    @ConfigProperty(name = "gofer.api.logs.max-streams", defaultValue = "1000")
    int maxStreams;

    @ConfigProperty(name = "gofer.api.logs.threads", defaultValue = "4")
    int threads;

    private final Map<String, Set<LogFollower>> byTaskRun = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private ScheduledExecutorService executor;
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        AtomicInteger ids = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "gofer-log-follow-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        executor = pool;
        executor.scheduleWithFixedDelay(this::sweep, 5, 5, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        byTaskRun.values().forEach(set -> List.copyOf(set).forEach(LogFollower::abandon));
        executor.shutdownNow();
    }

    /**
     * Follows a log from the line after {@code after}: every stored line, then new lines as they are stored, then the
     * end once the task run is complete and every line it wrote is sent. Refused (503) when too many are open. The
     * sink is opened in the calling thread; everything else is sent from the followers' threads.
     */
    public void follow(TaskLog log, long after, LogSink sink) {
        if (stopping) {
            throw new ApiException(503, "Service unavailable", "the service is stopping; reconnect shortly");
        }
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            throw new ApiException(503, "Too many log streams",
                    "this instance serves " + maxStreams + " log streams at most; retry later");
        }
        try {
            sink.open(log, after);
        } catch (RuntimeException e) {
            open.decrementAndGet();
            throw e;
        }
        LogFollower follower = new LogFollower(this, log, after, sink);
        byTaskRun.computeIfAbsent(log.taskRun().key(), k -> ConcurrentHashMap.newKeySet()).add(follower);
        follower.wake();
    }

    /** Streams open on this instance. */
    public int openStreams() {
        return open.get();
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) LogsChanged event) {
        Set<LogFollower> followers = byTaskRun.get(event.taskRunKey());
        if (followers != null) {
            followers.forEach(LogFollower::wake);
        }
    }

    void done(LogFollower follower) {
        String key = follower.log().taskRun().key();
        byTaskRun.computeIfPresent(key, (k, set) -> {
            set.remove(follower);
            return set.isEmpty() ? null : set;
        });
        open.decrementAndGet();
    }

    /** Drops followers whose client has gone while they waited for a write that will never complete. */
    private void sweep() {
        try {
            byTaskRun.values().forEach(set -> List.copyOf(set).forEach(LogFollower::dropIfClientGone));
        } catch (RuntimeException e) {
            LOG.warnf(e, "sweeping log followers failed");
        }
    }

    ScheduledExecutorService executor() {
        return executor;
    }

    LogService logs() {
        return logs;
    }

    Duration pollInterval() {
        return pollInterval;
    }

    Duration keepAlive() {
        return keepAlive;
    }

    Duration gapTimeout() {
        return gapTimeout;
    }

    int pageLines() {
        return pageLines;
    }

    int pageBytes() {
        return pageBytes;
    }
}
