package dev.gofer.api.pipeline.persistence;

import java.util.List;
import java.util.Map;

import dev.gofer.events.PullPolicy;
import dev.gofer.events.TaskControls;

/**
 * A validated task of a config version, as stored (JSON) and snapshotted into each of its task runs. Variables and
 * dependencies keep the order the user wrote them in. The run controls ({@code timeoutSeconds}, {@code cpus},
 * {@code memoryMb}, {@code networkMode}), {@code queueTimeoutSeconds} and {@code retry} are {@code null} when the
 * task does not set them (and in snapshots taken before they existed).
 */
public record TaskConfig(String id, String description, String image, RegistryAuthConfig registryAuth,
        Map<String, RequiredParentStatus> dependsOn, Map<String, String> variables, List<String> entrypoint,
        List<String> command, boolean injectApiToken, PullPolicy pullPolicy, Long timeoutSeconds,
        Long queueTimeoutSeconds, Double cpus, Long memoryMb, String networkMode, RetryConfig retry) {

    private static final long MIB = 1024L * 1024L;

    /** A task without run controls, queue timeout or retry policy. */
    public TaskConfig(String id, String description, String image, RegistryAuthConfig registryAuth,
            Map<String, RequiredParentStatus> dependsOn, Map<String, String> variables, List<String> entrypoint,
            List<String> command, boolean injectApiToken, PullPolicy pullPolicy) {
        this(id, description, image, registryAuth, dependsOn, variables, entrypoint, command, injectApiToken,
                pullPolicy, null, null, null, null, null, null);
    }

    /** Registry user and a secret reference for the password. */
    public record RegistryAuthConfig(String user, String pass) {
    }

    /**
     * When a task run gets another attempt. {@code maxAttempts}: attempts that may end with a retryable exit code
     * (1 = no retry); {@code backoffSeconds}: the wait before the n-th exit-code retry is
     * {@code backoffSeconds × 2^(n-1)}, at most {@link #MAX_BACKOFF_SECONDS}; {@code exitCodes}: the exit codes that
     * are retried (empty = any non-zero); {@code onWorkerLost}: how many times the task run is retried, at once, when
     * its worker is lost (counted apart from exit-code retries).
     */
    public record RetryConfig(int maxAttempts, int backoffSeconds, List<Integer> exitCodes, int onWorkerLost) {

        public static final int DEFAULT_MAX_ATTEMPTS = 1;
        public static final int DEFAULT_BACKOFF_SECONDS = 5;
        public static final int DEFAULT_ON_WORKER_LOST = 1;
        public static final int MAX_BACKOFF_SECONDS = 300;
        public static final RetryConfig DEFAULT = new RetryConfig(DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF_SECONDS,
                List.of(), DEFAULT_ON_WORKER_LOST);

        public RetryConfig {
            exitCodes = exitCodes == null ? List.of() : List.copyOf(exitCodes);
        }

        /**
         * Whether an attempt that exited with {@code exitCode} is retried after {@code exitRetries} earlier exit-code
         * retries.
         */
        public boolean retriesExit(int exitCode, int exitRetries) {
            return exitCode != 0 && exitRetries + 1 < maxAttempts
                    && (exitCodes.isEmpty() || exitCodes.contains(exitCode));
        }

        /** The wait before the {@code n}-th exit-code retry (n ≥ 1), in milliseconds. */
        public long backoffMillis(int n) {
            long seconds = (long) backoffSeconds << Math.min(Math.max(n - 1, 0), 20);
            return Math.min(seconds, MAX_BACKOFF_SECONDS) * 1000L;
        }
    }

    /** The retry policy; the default one for tasks (and snapshots) without. */
    public RetryConfig retryPolicy() {
        return retry == null ? RetryConfig.DEFAULT : retry;
    }

    /** How the worker runs the container ({@code memory_mb} as bytes). */
    public TaskControls controls() {
        return new TaskControls(timeoutSeconds, cpus, memoryMb == null ? null : memoryMb * MIB, networkMode);
    }
}
