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
