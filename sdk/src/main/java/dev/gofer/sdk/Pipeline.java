package dev.gofer.sdk;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.gofer.sdk.internal.Json;
import dev.gofer.sdk.internal.PipelineSpec;
import dev.gofer.sdk.internal.PipelineValidator;

/**
 * A pipeline configuration: an id, a name and the tasks Gofer runs (a DAG through
 * {@link CustomTask#dependsOn(String, RequiredParentStatus)}). A pipeline program builds one and calls
 * {@link #finish()}, which prints the JSON that {@code gofer pipeline register} sends to the API.
 *
 * <pre>{@code
 * Pipeline.of("simple", "Simple Pipeline")
 *         .description("Runs one task")
 *         .tasks(CustomTask.of("simple_task", "ubuntu:latest").command("echo", "Hello from Gofer!"))
 *         .finish();
 * }</pre>
 */
public final class Pipeline {

    private final String id;
    private final String name;
    private String description;
    private long parallelism;
    private final List<CustomTask> tasks = new ArrayList<>();

    private Pipeline(String id, String name) {
        this.id = id;
        this.name = name;
    }

    /** A pipeline with the given id (3 to 32 of {@code [A-Za-z0-9_-]}) and human-readable name. */
    public static Pipeline of(String id, String name) {
        return new Pipeline(id, name);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The tasks added so far, in order. */
    public List<CustomTask> tasks() {
        return List.copyOf(tasks);
    }

    public Pipeline description(String description) {
        this.description = description;
        return this;
    }

    /** How many runs of this pipeline may be active at once; 0 (the default) means no per-pipeline limit. */
    public Pipeline parallelism(long parallelism) {
        this.parallelism = parallelism;
        return this;
    }

    /** Adds tasks (call as often as you like; order is kept). */
    public Pipeline tasks(CustomTask... tasks) {
        return tasks(Arrays.asList(tasks));
    }

    /** Adds tasks (call as often as you like; order is kept). */
    public Pipeline tasks(List<CustomTask> tasks) {
        tasks.forEach(task -> this.tasks.add(Objects.requireNonNull(task, "task")));
        return this;
    }

    /**
     * Checks ids, required fields, dependencies and cycles.
     *
     * @throws PipelineValidationException listing every problem found
     */
    public Pipeline validate() {
        List<FieldError> errors = PipelineValidator.validate(toSpec());
        if (!errors.isEmpty()) {
            throw new PipelineValidationException(id, errors);
        }
        return this;
    }

    /** The pipeline JSON (pretty-printed), without validating. */
    public String toJson() {
        return Json.pretty(toSpec());
    }

    /**
     * Validates, then prints the pipeline JSON to standard output: the way a pipeline program hands its config to
     * {@code gofer pipeline register}.
     *
     * @throws PipelineValidationException listing every problem found (nothing is printed then)
     */
    public void finish() {
        finish(System.out);
    }

    /** Like {@link #finish()}, printing to {@code out}. */
    public void finish(PrintStream out) {
        validate();
        out.println(toJson());
        out.flush();
    }

    PipelineSpec toSpec() {
        return new PipelineSpec(id, name, description, parallelism, tasks.stream().map(CustomTask::toSpec).toList());
    }
}
