package dev.gofer.api.pipeline.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.gofer.api.pipeline.persistence.RequiredParentStatus;
import dev.gofer.api.pipeline.persistence.TaskConfig;
import dev.gofer.api.pipeline.service.PipelineDefinition.RetryDefinition;
import dev.gofer.api.pipeline.service.PipelineDefinition.TaskDefinition;
import dev.gofer.events.TaskControls;
import dev.gofer.support.problem.FieldError;

/**
 * Checks a whole config before anything is stored: identifiers, required fields, run controls, retry policies,
 * dependencies and the DAG. Every problem is reported with the path of the field, e.g.
 * {@code tasks[2].depends_on.build}; problems of a task's controls also name the task in the message.
 */
public final class ConfigValidator {

    /** Limits of the task fields that bound a task run (see {@link TaskControls} and {@code TaskConfig.RetryConfig}). */
    public static final int MAX_ATTEMPTS = 10;
    public static final int MAX_ON_WORKER_LOST = 5;
    public static final double MAX_CPUS = 1024;
    public static final long MIN_MEMORY_MB = TaskControls.MIN_MEMORY_BYTES / (1024 * 1024);

    /** Ids of namespaces, pipelines and tasks: 3-32 characters of letters, digits, hyphen and underscore. */
    public static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z0-9_-]{3,32}$");
    private static final String IDENTIFIER_RULE = "must be 3-32 characters of A-Z, a-z, 0-9, '-' and '_'";
    private static final Pattern SECRET_REFERENCE = Pattern
            .compile("(?i)^\\s*(pipeline_secret|global_secret)\\{\\{\\s*.+?\\s*\\}\\}\\s*$");

    private ConfigValidator() {
    }

    public static boolean isIdentifier(String id) {
        return id != null && IDENTIFIER.matcher(id).matches();
    }

    public static List<FieldError> validate(String pathPipelineId, PipelineDefinition config) {
        List<FieldError> errors = new ArrayList<>();
        if (config == null) {
            errors.add(new FieldError("body", "a pipeline config is required"));
            return errors;
        }
        if (!isIdentifier(config.id())) {
            errors.add(new FieldError("id", IDENTIFIER_RULE));
        } else if (!config.id().equals(pathPipelineId)) {
            errors.add(new FieldError("id", "must equal the pipeline id in the path ('" + pathPipelineId + "')"));
        }
        if (config.name() == null || config.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        }
        if (config.parallelism() != null && config.parallelism() < 0) {
            errors.add(new FieldError("parallelism", "must be 0 (unlimited) or more"));
        }
        if (config.tasks() == null || config.tasks().isEmpty()) {
            errors.add(new FieldError("tasks", "at least one task is required"));
            return errors;
        }
        Map<String, Integer> indexById = new HashMap<>();
        for (int i = 0; i < config.tasks().size(); i++) {
            TaskDefinition task = config.tasks().get(i);
            String at = "tasks[" + i + "]";
            if (task == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            if (!isIdentifier(task.id())) {
                errors.add(new FieldError(at + ".id", IDENTIFIER_RULE));
            } else if (indexById.putIfAbsent(task.id(), i) != null) {
                errors.add(new FieldError(at + ".id",
                        "duplicate task id '" + task.id() + "' (also tasks[" + indexById.get(task.id()) + "])"));
            }
            if (task.image() == null || task.image().isBlank()) {
                errors.add(new FieldError(at + ".image", "is required and must not be blank"));
            }
            if (task.pullPolicy() != null && PullPolicies.parse(task.pullPolicy()).isEmpty()) {
                errors.add(new FieldError(at + ".pull_policy", "must be one of always, if_not_present, never"));
            }
            if (task.registryAuth() != null) {
                if (task.registryAuth().user() == null || task.registryAuth().user().isBlank()) {
                    errors.add(new FieldError(at + ".registry_auth.user", "is required"));
                }
                if (task.registryAuth().pass() == null
                        || !SECRET_REFERENCE.matcher(task.registryAuth().pass()).matches()) {
                    errors.add(new FieldError(at + ".registry_auth.pass",
                            "must be a secret reference such as pipeline_secret{{registry_pass}}, never a password"));
                }
            }
            if (task.variables() != null) {
                task.variables().keySet().stream().filter(k -> k == null || k.isBlank() || k.contains("="))
                        .findFirst()
                        .ifPresent(k -> errors.add(new FieldError(at + ".variables",
                                "variable names must not be blank or contain '='")));
            }
            validateControls(at, task, errors);
        }
        for (int i = 0; i < config.tasks().size(); i++) {
            TaskDefinition task = config.tasks().get(i);
            if (task == null || task.dependsOn() == null) {
                continue;
            }
            for (Map.Entry<String, String> dep : task.dependsOn().entrySet()) {
                String at = "tasks[" + i + "].depends_on." + dep.getKey();
                if (!indexById.containsKey(dep.getKey())) {
                    errors.add(new FieldError(at, "task '" + task.id() + "' depends on '" + dep.getKey()
                            + "', which is not a task of this pipeline"));
                } else if (dep.getKey().equals(task.id())) {
                    errors.add(new FieldError(at, "a task cannot depend on itself"));
                }
                if (RequiredParentStatus.parse(dep.getValue()).isEmpty()) {
                    errors.add(new FieldError(at, "must be one of success, failure, any"));
                }
            }
        }
        if (errors.isEmpty()) {
            findCycle(config.tasks()).ifPresent(cycle -> errors.add(new FieldError(
                    "tasks[" + indexById.get(cycle.get(0)) + "].depends_on",
                    "dependency cycle: " + String.join(" -> ", cycle))));
        }
        return errors;
    }

    /**
     * The value of a whole number, or {@code null} when {@code value} is not one (a fraction, or out of range). JSON
     * numbers arrive as Integer, Long, BigInteger, Double or BigDecimal.
     */
    public static Long wholeNumber(Number value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.toString()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static void validateControls(String at, TaskDefinition task, List<FieldError> errors) {
        String who = "task '" + task.id() + "': ";
        wholeInRange(errors, at + ".timeout_seconds", who, task.timeoutSeconds(), 1, Integer.MAX_VALUE,
                "must be a whole number of seconds, 1 or more");
        wholeInRange(errors, at + ".queue_timeout_seconds", who, task.queueTimeoutSeconds(), 1, Integer.MAX_VALUE,
                "must be a whole number of seconds, 1 or more");
        if (task.cpus() != null) {
            double cpus = task.cpus().doubleValue();
            if (!(cpus > 0 && cpus <= MAX_CPUS)) {
                errors.add(new FieldError(at + ".cpus",
                        who + "must be a number of CPUs above 0 and at most " + (int) MAX_CPUS));
            }
        }
        wholeInRange(errors, at + ".memory_mb", who, task.memoryMb(), MIN_MEMORY_MB, Integer.MAX_VALUE,
                "must be a whole number of MiB, " + MIN_MEMORY_MB + " or more");
        if (task.networkMode() != null && !TaskControls.NETWORK_MODES.contains(task.networkMode())) {
            errors.add(new FieldError(at + ".network_mode", who + "must be one of host, bridge, none"));
        }
        RetryDefinition retry = task.retry();
        if (retry == null) {
            return;
        }
        wholeInRange(errors, at + ".retry.max_attempts", who, retry.maxAttempts(), 1, MAX_ATTEMPTS,
                "must be a whole number from 1 (no retry) to " + MAX_ATTEMPTS);
        wholeInRange(errors, at + ".retry.backoff_seconds", who, retry.backoffSeconds(), 0, Integer.MAX_VALUE,
                "must be a whole number of seconds, 0 or more");
        wholeInRange(errors, at + ".retry.on_worker_lost", who, retry.onWorkerLost(), 0, MAX_ON_WORKER_LOST,
                "must be a whole number from 0 to " + MAX_ON_WORKER_LOST);
        if (retry.exitCodes() != null) {
            for (int j = 0; j < retry.exitCodes().size(); j++) {
                Number code = retry.exitCodes().get(j);
                if (code == null) {
                    errors.add(new FieldError(at + ".retry.exit_codes[" + j + "]", who + "must not be null"));
                } else {
                    wholeInRange(errors, at + ".retry.exit_codes[" + j + "]", who, code, 1, 255,
                            "must be a non-zero exit code (1-255)");
                }
            }
        }
    }

    private static void wholeInRange(List<FieldError> errors, String field, String who, Number value, long min,
            long max, String rule) {
        if (value == null) {
            return;
        }
        Long whole = wholeNumber(value);
        if (whole == null || whole < min || whole > max) {
            errors.add(new FieldError(field, who + rule + ", was " + value));
        }
    }

    /** A cycle as a path of task ids that starts and ends with the same task, if there is one. */
    static java.util.Optional<List<String>> findCycle(List<TaskDefinition> tasks) {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        for (TaskDefinition t : tasks) {
            parents.put(t.id(), t.dependsOn() == null ? List.of() : List.copyOf(t.dependsOn().keySet()));
        }
        Set<String> done = new HashSet<>();
        for (String start : parents.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> cycle = visit(start, parents, done, new HashSet<>(), path);
            if (cycle != null) {
                return java.util.Optional.of(cycle);
            }
        }
        return java.util.Optional.empty();
    }

    private static List<String> visit(String id, Map<String, List<String>> parents, Set<String> done,
            Set<String> onPath, List<String> path) {
        if (done.contains(id)) {
            return null;
        }
        if (onPath.contains(id)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            return cycle;
        }
        onPath.add(id);
        path.add(id);
        for (String parent : parents.getOrDefault(id, List.of())) {
            List<String> cycle = visit(parent, parents, done, onPath, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        onPath.remove(id);
        done.add(id);
        return null;
    }
}
