package dev.gofer.sdk;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.gofer.sdk.internal.RegistryAuthSpec;
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

    TaskSpec toSpec() {
        Map<String, String> parents = new LinkedHashMap<>();
        dependsOn.forEach((taskId, status) -> parents.put(taskId, status.wire()));
        return new TaskSpec(id, description, image, registryAuth, parents, new LinkedHashMap<>(variables), entrypoint,
                command, injectApiToken, alwaysPullNewestImage, pullPolicy.wire());
    }
}
