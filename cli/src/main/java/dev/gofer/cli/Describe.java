package dev.gofer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.gofer.sdk.Config;
import dev.gofer.sdk.Deployment;
import dev.gofer.sdk.DeploymentState;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.StatusReason;
import dev.gofer.sdk.TaskRun;
import dev.gofer.sdk.TaskRunAttempt;
import dev.gofer.sdk.TaskRunState;
import dev.gofer.sdk.TaskRunStatus;

/** Short human descriptions of runs and task runs shared by the commands. */
final class Describe {

    private Describe() {
    }

    /** e.g. {@code running}, {@code complete successful (exit 0)}, {@code complete skipped (failed_precondition)}. */
    static String taskState(TaskRun task, Style style) {
        return taskState(task, style, false);
    }

    /**
     * As {@link #taskState(TaskRun, Style)}, naming the reason's description too when asked, e.g.
     * {@code complete failed (scheduler_error: cannot pull image 'ubuntu:latest': ...)}: follow output shows why a
     * task failed without a second command. An ordinary non-zero exit is described by its code alone.
     */
    static String taskState(TaskRun task, Style style, boolean withDescription) {
        String attempt = task.attempt() > 1 ? "attempt " + task.attempt() : "";
        if (task.state() != TaskRunState.COMPLETE) {
            return style.state(task.state().wire()) + (attempt.isEmpty() ? "" : " (" + attempt + ")");
        }
        String text = "complete " + style.state(task.status().wire());
        String reason = task.statusReason() == null || task.statusReason().reason() == null
                ? ""
                : task.statusReason().reason();
        String description = task.statusReason() == null ? null : task.statusReason().description();
        if (withDescription && !reason.isEmpty() && !"abnormal_exit".equals(reason) && description != null
                && !description.isBlank()) {
            reason += ": " + description;
        }
        String exit = task.exitCode() == null ? "" : "exit " + task.exitCode();
        // An exit code says it all for an ordinary failure; a timeout, say, is worth naming next to it.
        String why = exit.isEmpty()
                ? reason
                : reason.isEmpty() || "abnormal_exit".equals(reason)
                        ? exit
                        : exit + ", "
                                + reason;
        String details = String.join(", ", Stream.of(why, attempt).filter(s -> !s.isEmpty()).toList());
        return details.isEmpty() ? text : text + " (" + details + ")";
    }

    /**
     * One line per attempt when a task run has had more than one (none otherwise), e.g.
     * {@code attempt 1  failed (worker_lost: worker w-1 stopped sending heartbeats at ...)  worker w-1  exit -}. The
     * current attempt shows the task run's state until it has ended.
     */
    static List<String> attempts(TaskRun task, Style style) {
        if (task.attempts().size() <= 1) {
            return List.of();
        }
        return task.attempts().stream().map(attempt -> attempt(task, attempt, style)).toList();
    }

    private static String attempt(TaskRun task, TaskRunAttempt attempt, Style style) {
        boolean current = attempt.attempt() == task.attempt();
        String state = attempt.status() == TaskRunStatus.UNKNOWN && current
                ? task.state().wire()
                : attempt.status().wire();
        return "attempt " + attempt.attempt() + "  " + style.state(state) + reason(attempt.statusReason())
                + "  worker " + (attempt.workerId() == null ? "-" : attempt.workerId())
                + "  exit " + (attempt.exitCode() == null ? "-" : attempt.exitCode());
    }

    /** e.g. {@code complete failed (abnormal_exit: task build failed)}. */
    static String runState(Run run, Style style) {
        String text = style.state(run.state().wire());
        if (run.finished()) {
            text += " " + style.state(run.status().wire());
        }
        return text + reason(run.statusReason());
    }

    /** e.g. {@code deployment 2 of simple: version 1 -> 3  complete successful}. */
    static String deployment(Deployment deployment, Style style) {
        String from = deployment.startVersion() > 0 ? "version " + deployment.startVersion() + " -> " : "version ";
        String state = style.state(deployment.state().wire());
        if (deployment.state() == DeploymentState.COMPLETE) {
            state += " " + style.state(deployment.status().wire());
        }
        return "deployment " + deployment.deploymentId() + " of " + deployment.pipelineId() + ": " + from
                + deployment.endVersion() + "  " + state + reason(deployment.statusReason());
    }

    /** The task ids of a config: the keys of {@code tasks: {id: task}} (or the ids of a list of tasks). */
    static List<String> taskIds(Config config) {
        List<String> ids = new ArrayList<>();
        JsonNode tasks = config.tasks();
        if (tasks != null && tasks.isObject()) {
            tasks.fieldNames().forEachRemaining(ids::add);
        } else if (tasks != null && tasks.isArray()) {
            tasks.forEach(task -> ids.add(task.path("id").asText("?")));
        }
        return ids;
    }

    /** {@code " (reason: description)"}, or empty. */
    static String reason(StatusReason reason) {
        if (reason == null || reason.reason() == null) {
            return "";
        }
        boolean hasDescription = reason.description() != null && !reason.description().isBlank();
        return " (" + reason.reason() + (hasDescription ? ": " + reason.description() : "") + ")";
    }
}
