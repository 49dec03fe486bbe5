package dev.gofer.scheduler.config;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code gofer.scheduler.*}: how this worker runs task containers (env {@code GOFER_SCHEDULER_*}). */
@ConfigMapping(prefix = "gofer.scheduler")
public interface SchedulerConfig {

    /** Identity in container labels and status events; default host name + "-" + pid. */
    Optional<String> workerId();

    /** Docker network mode of task containers: {@code bridge}, {@code host}, {@code none}. */
    @WithDefault("bridge")
    String networkMode();

    /** The Docker engine. */
    @WithDefault("unix:///var/run/docker.sock")
    String dockerHost();

    /** Containers running at once on this worker; the consumer waits for a free slot before starting another. */
    @WithDefault("8")
    @Min(1)
    int maxConcurrent();

    /** Connecting to the Docker engine. */
    @WithDefault("5s")
    Duration dockerConnectTimeout();

    /** Waiting for an answer to an ordinary Docker call (not log follows or waits for exit). */
    @WithDefault("60s")
    Duration dockerResponseTimeout();

    /** A whole image pull. */
    @WithDefault("10m")
    Duration pullTimeout();

    /**
     * How often this worker tells api-service it is alive and which attempts it holds ({@code worker.heartbeat}); the
     * lease of an attempt lapses after {@code gofer.api.lease-ttl} (15 s) without one.
     */
    @WithDefault("5s")
    Duration heartbeatInterval();

    /**
     * How long an exited container is kept before it is removed. While it exists, a redelivered {@code task-run.ready}
     * of its attempt (a crash before the offset was committed, or store-service resolving it again) finds it and
     * re-reports it instead of running the attempt a second time. 0 removes containers as soon as they are reported.
     */
    @WithDefault("2m")
    Duration keepExited();

    /** How often exited containers kept past {@link #keepExited()} are looked for and removed. */
    @WithDefault("30s")
    Duration reapInterval();

    /**
     * Where the cancel consumer starts on a partition this worker's group has no committed offset for: the cancels of
     * this long ago (a new worker id starts there too). A restarted worker so still sees the cancels written while it
     * was down, among them the fence of a container it is about to adopt.
     */
    @WithDefault("10m")
    Duration cancelLookback();

    /** SIGTERM to SIGKILL when a container outlives its task's {@code timeout_seconds}. */
    @WithDefault("10s")
    Duration timeoutGrace();

    /** Waiting for Kafka to acknowledge one status or log record before retrying. */
    @WithDefault("30s")
    Duration publishTimeout();
}
