package dev.gofer.sdk;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.gofer.sdk.internal.RegistryAuthSpec;
import dev.gofer.sdk.internal.RetrySpec;
import dev.gofer.sdk.internal.TaskSpec;

/**
 * A container Gofer runs as one step of a pipeline: any image, with optional command, entrypoint, environment and
 * dependencies on other tasks. A fluent, mutable builder; {@link Pipeline#validate()} checks it.
 *
 * <pre>{@code
 * CustomTask.of("simple_task", "ubuntu:latest")
 *         .description("This task simply prints our hello-world message and exists!")
 *         .command("echo", "Hello from Gofer!");
 * }</pre>
 *
 * <p>
 * How it runs can be bounded and retried:
 *
 * <pre>{@code
 * CustomTask.of("flaky_upload", "alpine:3")
 *         .script("upload.sh")
 *         .timeout(Duration.ofMinutes(10))       // stopped after 10 minutes: failed, reason timeout
 *         .queueTimeout(Duration.ofMinutes(2))   // failed if no worker starts it within 2 minutes
 *         .cpus(0.5).memoryMb(256).networkMode("bridge")
 *         .retry(3, Duration.ofSeconds(10), 75) // exit 75: up to 3 attempts, 10 s then 20 s apart
 *         .retryOnWorkerLost(2);                // run again if its worker dies, at most twice
 * }</pre>
 */
public final class CustomTask {

    private final String id;
    private final String image;
    private String description;
    private RegistryAuthSpec registryAuth;
    private final Map<String, RequiredParentStatus> dependsOn = new LinkedHashMap<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private List<String> entrypoint;
    private List<String> command;
    private boolean injectApiToken;
    private boolean alwaysPullNewestImage;
    private PullPolicy pullPolicy = PullPolicy.IF_NOT_PRESENT;
    private Long timeoutSeconds;
    private Long queueTimeoutSeconds;
    private Double cpus;
    private Integer memoryMb;
    private String networkMode;
    private Integer maxAttempts;
    private Long backoffSeconds;
    private List<Integer> retryExitCodes;
    private Integer retryOnWorkerLost;

    private CustomTask(String id, String image) {
        this.id = id;
        this.image = image;
    }

    /** A task with the given id (3 to 32 of {@code [A-Za-z0-9_-]}, unique in its pipeline) running {@code image}. */
    public static CustomTask of(String id, String image) {
        return new CustomTask(id, image);
    }

    public String id() {
        return id;
    }

    public String image() {
        return image;
    }

    public CustomTask description(String description) {
        this.description = description;
        return this;
    }

    /** Replaces the image's CMD. */
    public CustomTask command(String... command) {
        this.command = List.copyOf(Arrays.asList(command));
        return this;
    }

    /** Replaces the image's ENTRYPOINT. */
    public CustomTask entrypoint(String... entrypoint) {
        this.entrypoint = List.copyOf(Arrays.asList(entrypoint));
        return this;
    }

    /** Runs {@code script} with {@code /bin/sh -c}: shorthand for {@code command("/bin/sh", "-c", script)}. */
    public CustomTask script(String script) {
        return command("/bin/sh", "-c", Objects.requireNonNull(script, "script"));
    }

    /**
     * Sets one environment variable of the container. The value may be a reference resolved at run time, see
     * {@link Gofer#pipelineSecret(String)} and friends.
     */
    public CustomTask variable(String key, String value) {
        variables.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Adds all {@code variables} (later calls win on equal keys). */
    public CustomTask variables(Map<String, String> variables) {
        variables.forEach(this::variable);
        return this;
    }

    /** Runs this task only after task {@code taskId} finished with {@code status}; otherwise it is skipped. */
    public CustomTask dependsOn(String taskId, RequiredParentStatus status) {
        dependsOn.put(Objects.requireNonNull(taskId, "taskId"), Objects.requireNonNull(status, "status"));
        return this;
    }

    /** Adds all {@code dependencies} (task id → required parent status). */
    public CustomTask dependsOnMany(Map<String, RequiredParentStatus> dependencies) {
        dependencies.forEach(this::dependsOn);
        return this;
    }

    /** Credentials for a private registry; {@code pass} may be a reference such as a pipeline secret. */
    public CustomTask registryAuth(String user, String pass) {
        this.registryAuth = new RegistryAuthSpec(Objects.requireNonNull(user, "user"),
                Objects.requireNonNull(pass, "pass"));
        return this;
    }

    /**
     * Gofer's flag to pull the image before every run. Kept consistent with {@link #pullPolicy(PullPolicy)}:
     * {@code true} means {@link PullPolicy#ALWAYS}; {@code false} turns {@code ALWAYS} back into
     * {@link PullPolicy#IF_NOT_PRESENT}.
     */
    public CustomTask alwaysPullNewestImage(boolean alwaysPullNewestImage) {
        this.alwaysPullNewestImage = alwaysPullNewestImage;
        if (alwaysPullNewestImage) {
            pullPolicy = PullPolicy.ALWAYS;
        } else if (pullPolicy == PullPolicy.ALWAYS) {
            pullPolicy = PullPolicy.IF_NOT_PRESENT;
        }
        return this;
    }

    /** When the worker pulls the image (default {@link PullPolicy#IF_NOT_PRESENT}). */
    public CustomTask pullPolicy(PullPolicy pullPolicy) {
        this.pullPolicy = Objects.requireNonNull(pullPolicy, "pullPolicy");
        this.alwaysPullNewestImage = pullPolicy == PullPolicy.ALWAYS;
        return this;
    }

    /** Whether Gofer creates a run-scoped API token and passes it to the container as {@code GOFER_API_TOKEN}. */
    public CustomTask injectApiToken(boolean injectApiToken) {
        this.injectApiToken = injectApiToken;
        return this;
    }

    /**
     * Longest the container may run ({@code timeout_seconds}, whole seconds, rounded up): the worker stops it after
     * that and the task run fails with reason {@code timeout} (a timed-out task is not retried).
     */
    public CustomTask timeout(Duration timeout) {
        this.timeoutSeconds = seconds(Objects.requireNonNull(timeout, "timeout"));
        return this;
    }

    /**
     * Longest the task run may wait between being dispatched and its container starting
     * ({@code queue_timeout_seconds}, whole seconds, rounded up); after that it fails with reason
     * {@code queue_timeout}.
     */
    public CustomTask queueTimeout(Duration queueTimeout) {
        this.queueTimeoutSeconds = seconds(Objects.requireNonNull(queueTimeout, "queueTimeout"));
        return this;
    }

    /** CPUs the container may use, fractions allowed (e.g. {@code 0.5}); more than 0. */
    public CustomTask cpus(double cpus) {
        this.cpus = cpus;
        return this;
    }

    /** Memory limit of the container in MiB (at least 6); above it the container is killed. */
    public CustomTask memoryMb(int memoryMb) {
        this.memoryMb = memoryMb;
        return this;
    }

    /** Docker network mode of the container: {@code host}, {@code bridge} or {@code none} (default: the worker's). */
    public CustomTask networkMode(String networkMode) {
        this.networkMode = Objects.requireNonNull(networkMode, "networkMode");
        return this;
    }

    /**
     * Retries the task run when its container exits non-zero: at most {@code maxAttempts} attempts in all (1 to 10;
     * 1 = no retry), waiting {@code backoff} before the first retry and twice as long before each next one (at most
     * 5 minutes; whole seconds, rounded up). With {@code exitCodes}, only those exit codes are retried; without, any
     * non-zero one.
     */
    public CustomTask retry(int maxAttempts, Duration backoff, int... exitCodes) {
        this.maxAttempts = maxAttempts;
        this.backoffSeconds = seconds(Objects.requireNonNull(backoff, "backoff"));
        this.retryExitCodes = Arrays.stream(Objects.requireNonNull(exitCodes, "exitCodes")).boxed().toList();
        return this;
    }

    /**
     * How many times (0 to 5, default 1) the task run is started again, at once, when the worker running it stops
     * sending heartbeats; counted apart from {@link #retry(int, Duration, int...)}'s attempts.
     */
    public CustomTask retryOnWorkerLost(int times) {
        this.retryOnWorkerLost = times;
        return this;
    }

    /** Whole seconds, rounded up: a timeout of 1.5 s is 2 s, never 1 s. */
    private static long seconds(Duration duration) {
        return duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    }

    TaskSpec toSpec() {
        Map<String, String> parents = new LinkedHashMap<>();
        dependsOn.forEach((taskId, status) -> parents.put(taskId, status.wire()));
        RetrySpec retry = maxAttempts == null && retryOnWorkerLost == null
                ? null
                : new RetrySpec(maxAttempts, backoffSeconds, retryExitCodes, retryOnWorkerLost);
        return new TaskSpec(id, description, image, registryAuth, parents, new LinkedHashMap<>(variables), entrypoint,
                command, injectApiToken, alwaysPullNewestImage, pullPolicy.wire(), timeoutSeconds, queueTimeoutSeconds,
                cpus, memoryMb, networkMode, retry);
    }
}
