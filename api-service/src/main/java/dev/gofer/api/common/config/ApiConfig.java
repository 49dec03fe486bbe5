package dev.gofer.api.common.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The {@code gofer.api.*} settings of api-service (env {@code GOFER_API_...}). {@code gofer.api-url} sits beside
 * other services' {@code gofer.*} keys, so it is read with {@code @ConfigProperty} where tasks' environment is
 * assembled.
 */
@ConfigMapping(prefix = "gofer.api")
public interface ApiConfig {

    /** How long a deployment may take before it fails. */
    @WithDefault("60s")
    Duration deploymentTimeout();

    /** Seconds between SIGTERM and SIGKILL when a run, a task run or a fenced container is stopped. */
    @WithDefault("10")
    int cancelGrace();

    /** How long {@code POST .../runs} waits for the run to be created from its request before answering 202. */
    @WithDefault("10s")
    Duration runCreateWait();

    /** How long a worker holds a running attempt without a heartbeat that lists it. */
    @WithDefault("15s")
    Duration leaseTtl();

    /** How often deadlines (retries due, queue timeouts, lapsed leases) are looked for. */
    @WithDefault("2s")
    Duration leaseSweep();

    /** Most runs running at once over all pipelines; more wait as pending (0 = no limit). */
    @WithDefault("200")
    int globalRunLimit();

    /** Task logs of a complete run expire once this many newer runs of its pipeline exist; 0 keeps them. */
    @WithDefault("50")
    int logRetentionRuns();

    /** How often expired logs are looked for, besides when runs are created or complete. */
    @WithDefault("60s")
    Duration logRetentionSweep();

    /** Live log streams. */
    Logs logs();

    /** Where the front door forwards store routes (secrets, objects): store-service's own port, loopback by default. */
    @WithDefault("http://127.0.0.1:8081")
    URI storeServiceUrl();

    /** Where the front door forwards trigger routes (subscriptions): trigger-service's own port. */
    @WithDefault("http://127.0.0.1:8082")
    URI triggerServiceUrl();

    /** How live log followers read ({@code gofer.api.logs.*}). */
    interface Logs {

        /** How often an idle follower looks for lines stored by another instance, and for the end of the task run. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** A comment goes out after this long without a line. */
        @WithDefault("15s")
        Duration keepAlive();

        /** How long a follower waits for a missing line (or the last lines of a complete task run) before moving on. */
        @WithDefault("60s")
        Duration gapTimeout();

        /** Most lines in one page sent to a follower. */
        @WithDefault("500")
        int pageLines();

        /** Most bytes in one page sent to a follower. */
        @WithDefault("262144")
        int pageBytes();

        /** Streams open at once on this instance; one more is refused with 503. */
        @WithDefault("1000")
        int maxStreams();

        /** Threads shared by every follower of this instance. */
        @WithDefault("4")
        int threads();
    }
}
