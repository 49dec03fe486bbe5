package dev.gofer.scheduler.taskrun.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gofer.events.InvalidEventException;
import dev.gofer.events.TaskRunRef;
import dev.gofer.scheduler.container.ContainerSpec;

/**
 * How a task-run attempt maps onto a container: its name and its {@code gofer.*} labels, and back from labels to the
 * task run (the labels are the only state a worker keeps).
 */
public final class TaskRunContainers {

    public static final String LABEL_TASK_RUN = "gofer.task-run";
    public static final String LABEL_ATTEMPT = "gofer.attempt";
    public static final String LABEL_WORKER = "gofer.worker";
    public static final String LABEL_NAMESPACE = "gofer.namespace";
    public static final String LABEL_PIPELINE = "gofer.pipeline";
    public static final String LABEL_RUN = "gofer.run";
    public static final String LABEL_TASK = "gofer.task";
    /** Names (never values) of the env vars holding secrets, comma-separated, so an adopter can mask them again. */
    public static final String LABEL_SECRET_ENV = "gofer.secret-env";
    /** Epoch milliseconds by which the container must have exited (its task's {@code timeout_seconds}). */
    public static final String LABEL_DEADLINE = "gofer.deadline";

    /** Longest name we give a container; longer ones are cut and made unique with a hash. */
    static final int MAX_NAME = 200;

    /** A task-run attempt as read back from a container's labels. */
    public record Attempt(TaskRunRef taskRun, int attempt) {
    }

    private TaskRunContainers() {
    }

    /**
     * {@code gofer-<ns>-<pipeline>-<run>-<task>-a<attempt>}, with characters Docker does not allow replaced by
     * {@code _}; a name that had to be changed or cut gets a short hash of the original so it stays unique.
     */
    public static String name(TaskRunRef ref, int attempt) {
        String raw = "gofer-" + ref.namespaceId() + "-" + ref.pipelineId() + "-" + ref.runId() + "-" + ref.taskId()
                + "-a" + attempt;
        String clean = raw.replaceAll("[^a-zA-Z0-9_.-]", "_");
        if (clean.equals(raw) && clean.length() <= MAX_NAME) {
            return clean;
        }
        String hash = sha256(raw).substring(0, 10);
        String head = clean.length() > MAX_NAME - 11 ? clean.substring(0, MAX_NAME - 11) : clean;
        String name = head + "-" + hash;
        if (!ContainerSpec.VALID_NAME.matcher(name).matches()) {
            throw new IllegalStateException("cannot make a container name of " + raw);
        }
        return name;
    }

    /** Every label of the attempt's container. */
    public static Map<String, String> labels(TaskRunRef ref, int attempt, String workerId,
            List<String> secretEnvKeys) {
        return labels(ref, attempt, workerId, secretEnvKeys, null);
    }

    /** Every label of the attempt's container, with its deadline when it has one. */
    public static Map<String, String> labels(TaskRunRef ref, int attempt, String workerId,
            List<String> secretEnvKeys, Instant deadline) {
        Map<String, String> labels = new LinkedHashMap<>(identity(ref, attempt));
        labels.put(LABEL_WORKER, workerId);
        labels.put(LABEL_NAMESPACE, ref.namespaceId());
        labels.put(LABEL_PIPELINE, ref.pipelineId());
        labels.put(LABEL_RUN, Long.toString(ref.runId()));
        labels.put(LABEL_TASK, ref.taskId());
        if (!secretEnvKeys.isEmpty()) {
            labels.put(LABEL_SECRET_ENV, String.join(",", secretEnvKeys));
        }
        if (deadline != null) {
            labels.put(LABEL_DEADLINE, Long.toString(deadline.toEpochMilli()));
        }
        return labels;
    }

    /** The labels that identify the attempt's container, whichever worker started it. */
    public static Map<String, String> identity(TaskRunRef ref, int attempt) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL_TASK_RUN, ref.key());
        labels.put(LABEL_ATTEMPT, Integer.toString(attempt));
        return labels;
    }

    /** The attempt a container runs, from its labels; empty when they are missing or do not make sense. */
    public static Optional<Attempt> attemptOf(Map<String, String> labels) {
        try {
            TaskRunRef ref = new TaskRunRef(labels.get(LABEL_NAMESPACE), labels.get(LABEL_PIPELINE),
                    Long.parseLong(labels.get(LABEL_RUN)), labels.get(LABEL_TASK));
            int attempt = Integer.parseInt(labels.get(LABEL_ATTEMPT));
            if (attempt < 1 || !ref.key().equals(labels.get(LABEL_TASK_RUN))) {
                return Optional.empty();
            }
            return Optional.of(new Attempt(ref, attempt));
        } catch (InvalidEventException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The deadline of label {@value #LABEL_DEADLINE}; empty without it (or when it is not a number). */
    public static Optional<Instant> deadline(Map<String, String> labels) {
        try {
            String millis = labels.get(LABEL_DEADLINE);
            return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(millis)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The env var names of label {@value #LABEL_SECRET_ENV}; empty without it. */
    public static List<String> secretEnvKeys(Map<String, String> labels) {
        String keys = labels.get(LABEL_SECRET_ENV);
        if (keys == null || keys.isBlank()) {
            return List.of();
        }
        return Arrays.stream(keys.split(",")).filter(k -> !k.isBlank()).toList();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
