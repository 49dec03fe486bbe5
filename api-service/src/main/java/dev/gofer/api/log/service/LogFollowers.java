package dev.gofer.api.log.service;

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

import org.jboss.logging.Logger;

import dev.gofer.api.ApiException;
import dev.gofer.api.common.config.ApiConfig;
import dev.gofer.api.log.service.LogService.LogsChanged;
import dev.gofer.api.log.service.LogService.TaskLog;

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

    @Inject
    ApiConfig config;

    /** How followers read and page ({@code gofer.api.logs.*}); tests set it instead of {@link #config}. */
    ApiConfig.Logs settings;

    private final Map<String, Set<LogFollower>> byTaskRun = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private ScheduledExecutorService executor;
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        if (settings == null) {
            settings = config.logs();
        }
        AtomicInteger ids = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(settings.threads(), r -> {
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
        if (open.incrementAndGet() > settings.maxStreams()) {
            open.decrementAndGet();
            throw new ApiException(503, "Too many log streams",
                    "this instance serves " + settings.maxStreams() + " log streams at most; retry later");
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
        return settings.pollInterval();
    }

    Duration keepAlive() {
        return settings.keepAlive();
    }

    Duration gapTimeout() {
        return settings.gapTimeout();
    }

    int pageLines() {
        return settings.pageLines();
    }

    int pageBytes() {
        return settings.pageBytes();
    }
}
