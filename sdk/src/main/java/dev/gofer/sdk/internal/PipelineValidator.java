package dev.gofer.sdk.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.gofer.sdk.FieldError;

/**
 * The rules every pipeline config must pass, shared by the SDK builder and the client (the server applies the same
 * rules): identifiers, required fields, known dependencies and an acyclic {@code depends_on} graph.
 */
public final class PipelineValidator {

    /** Pipeline and task ids: 3 to 32 characters of letters, digits, '_' and '-'. */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_-]{3,32}");

    private static final Set<String> PARENT_STATUSES = Set.of("success", "failure", "any");
    private static final Set<String> PULL_POLICIES = Set.of("if_not_present", "always", "never");
    private static final Set<String> NETWORK_MODES = Set.of("host", "bridge", "none");

    private PipelineValidator() {
    }

    /** Every problem of {@code pipeline}, in field order; empty when it is valid. */
    public static List<FieldError> validate(PipelineSpec pipeline) {
        List<FieldError> errors = new ArrayList<>();
        checkIdentifier(errors, "id", pipeline.id());
        if (pipeline.name() == null || pipeline.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        }
        if (pipeline.parallelism() < 0) {
            errors.add(new FieldError("parallelism", "must be 0 (no limit) or more, was " + pipeline.parallelism()));
        }
        List<TaskSpec> tasks = pipeline.tasks() == null ? List.of() : pipeline.tasks();
        if (tasks.isEmpty()) {
            errors.add(new FieldError("tasks", "at least one task is required"));
            return errors;
        }

        Map<String, Integer> indexById = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            TaskSpec task = tasks.get(i);
            String prefix = "tasks[" + i + "]";
            if (task == null) {
                errors.add(new FieldError(prefix, "must not be null"));
                continue;
            }
            if (checkIdentifier(errors, prefix + ".id", task.id())) {
                Integer first = indexById.putIfAbsent(task.id(), i);
                if (first != null) {
                    errors.add(new FieldError(prefix + ".id",
                            "duplicate task id '" + task.id() + "' (also tasks[" + first + "])"));
                }
            }
            if (task.image() == null || task.image().isBlank()) {
                errors.add(new FieldError(prefix + ".image", "is required"));
            }
            if (task.pullPolicy() != null && !PULL_POLICIES.contains(task.pullPolicy())) {
                errors.add(new FieldError(prefix + ".pull_policy",
                        "must be one of if_not_present, always, never, was '" + task.pullPolicy() + "'"));
            }
            if (task.variables() != null) {
                for (String key : task.variables().keySet()) {
                    if (key == null || key.isBlank()) {
                        errors.add(new FieldError(prefix + ".variables", "variable names must not be blank"));
                    }
                }
            }
            checkControls(errors, prefix, task);
        }

        for (int i = 0; i < tasks.size(); i++) {
            TaskSpec task = tasks.get(i);
            if (task == null || task.dependsOn() == null) {
                continue;
            }
            for (Map.Entry<String, String> dependency : task.dependsOn().entrySet()) {
                String field = "tasks[" + i + "].depends_on." + dependency.getKey();
                if (!indexById.containsKey(dependency.getKey())) {
                    errors.add(new FieldError(field, "task '" + dependency.getKey()
                            + "' is listed as a dependency of task '" + task.id() + "' but does not exist"));
                }
                if (dependency.getValue() == null || !PARENT_STATUSES.contains(dependency.getValue())) {
                    errors.add(new FieldError(field,
                            "must be one of success, failure, any, was '" + dependency.getValue() + "'"));
                }
            }
        }

        findCycles(tasks, indexById, errors);
        return errors;
    }

    /** The same limits as the server: run controls, queue timeout and retry policy. */
    private static void checkControls(List<FieldError> errors, String prefix, TaskSpec task) {
        String who = "task '" + task.id() + "': ";
        if (task.timeoutSeconds() != null && task.timeoutSeconds() < 1) {
            errors.add(new FieldError(prefix + ".timeout_seconds", who + "must be at least 1 second"));
        }
        if (task.queueTimeoutSeconds() != null && task.queueTimeoutSeconds() < 1) {
            errors.add(new FieldError(prefix + ".queue_timeout_seconds", who + "must be at least 1 second"));
        }
        if (task.cpus() != null && !(task.cpus() > 0 && task.cpus() <= 1024)) {
            errors.add(new FieldError(prefix + ".cpus", who + "must be above 0 and at most 1024, was " + task.cpus()));
        }
        if (task.memoryMb() != null && task.memoryMb() < 6) {
            errors.add(new FieldError(prefix + ".memory_mb", who + "must be at least 6 (MiB), was " + task.memoryMb()));
        }
        if (task.networkMode() != null && !NETWORK_MODES.contains(task.networkMode())) {
            errors.add(new FieldError(prefix + ".network_mode",
                    who + "must be one of host, bridge, none, was '" + task.networkMode() + "'"));
        }
        RetrySpec retry = task.retry();
        if (retry == null) {
            return;
        }
        if (retry.maxAttempts() != null && (retry.maxAttempts() < 1 || retry.maxAttempts() > 10)) {
            errors.add(new FieldError(prefix + ".retry.max_attempts",
                    who + "must be 1 (no retry) to 10, was " + retry.maxAttempts()));
        }
        if (retry.backoffSeconds() != null && retry.backoffSeconds() < 0) {
            errors.add(new FieldError(prefix + ".retry.backoff_seconds", who + "must not be negative"));
        }
        if (retry.exitCodes() != null) {
            for (int j = 0; j < retry.exitCodes().size(); j++) {
                int code = retry.exitCodes().get(j);
                if (code < 1 || code > 255) {
                    errors.add(new FieldError(prefix + ".retry.exit_codes[" + j + "]",
                            who + "must be a non-zero exit code (1-255), was " + code));
                }
            }
        }
        if (retry.onWorkerLost() != null && (retry.onWorkerLost() < 0 || retry.onWorkerLost() > 5)) {
            errors.add(new FieldError(prefix + ".retry.on_worker_lost",
                    who + "must be 0 to 5, was " + retry.onWorkerLost()));
        }
    }

    private static boolean checkIdentifier(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return false;
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            errors.add(new FieldError(field,
                    "'" + value + "' must be 3 to 32 characters of letters, digits, '_' or '-'"));
            return false;
        }
        return true;
    }

    /** Depth-first search over child → parent edges; every back edge is one cycle, reported with its path. */
    private static void findCycles(List<TaskSpec> tasks, Map<String, Integer> indexById, List<FieldError> errors) {
        Map<String, Mark> marks = new HashMap<>();
        for (String id : indexById.keySet()) {
            if (!marks.containsKey(id)) {
                visit(id, tasks, indexById, marks, new ArrayList<>(), errors);
            }
        }
    }

    private static void visit(String id, List<TaskSpec> tasks, Map<String, Integer> indexById, Map<String, Mark> marks,
            List<String> path, List<FieldError> errors) {
        marks.put(id, Mark.IN_PROGRESS);
        path.add(id);
        Map<String, String> parents = tasks.get(indexById.get(id)).dependsOn();
        if (parents != null) {
            for (String parent : parents.keySet()) {
                if (!indexById.containsKey(parent)) {
                    continue;
                }
                Mark mark = marks.get(parent);
                if (mark == Mark.IN_PROGRESS) {
                    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(parent), path.size()));
                    cycle.add(parent);
                    errors.add(new FieldError("tasks[" + indexById.get(parent) + "].depends_on",
                            "dependency cycle: " + String.join(" -> ", cycle)));
                } else if (mark == null) {
                    visit(parent, tasks, indexById, marks, path, errors);
                }
            }
        }
        path.remove(path.size() - 1);
        marks.put(id, Mark.DONE);
    }

    private enum Mark {
        IN_PROGRESS, DONE
    }
}
