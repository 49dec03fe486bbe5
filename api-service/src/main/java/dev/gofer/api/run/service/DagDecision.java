package dev.gofer.api.run.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.gofer.api.pipeline.persistence.RequiredParentStatus;
import dev.gofer.api.run.persistence.RunStatus;
import dev.gofer.api.run.persistence.StatusReason;
import dev.gofer.api.run.persistence.TaskRun;
import dev.gofer.api.run.persistence.TaskRunState;
import dev.gofer.api.run.persistence.TaskRunStatus;

/**
 * What a run's DAG allows next, decided from its task runs alone (no database, no clock): every waiting task run whose
 * parents are all complete is dispatched when its conditions hold ({@code depends_on}: success, failure or any), and
 * skipped when they cannot hold any more, which may in turn decide its children; a task run waiting for a retry's
 * backoff is left alone. When every task run is complete, the run ends: cancelled if any task run was cancelled;
 * failed if any failed or ended unknown (with the first one's reason); successful otherwise. A skipped task does not
 * fail a run by itself (a {@code failure}-only clean-up task is skipped in every good run).
 */
public final class DagDecision {

    private DagDecision() {
    }

    /** A task run as the decision sees it. */
    public record Node(String taskId, TaskRunState state, TaskRunStatus status, StatusReason statusReason,
            boolean awaitsRetry, Map<String, RequiredParentStatus> dependsOn) {

        public static Node of(TaskRun tr) {
            return new Node(tr.taskId, tr.state, tr.status, tr.statusReason, tr.awaitsRetry(), tr.task.dependsOn());
        }

        boolean isComplete() {
            return state == TaskRunState.COMPLETE;
        }
    }

    /** One thing to do to a task run, in the order the decision took them. */
    public sealed interface Step {
        String taskId();
    }

    /** Send the task run to be resolved and run. */
    public record Dispatch(String taskId) implements Step {
    }

    /** End the task run skipped: a parent ended in a way its {@code depends_on} does not accept. */
    public record Skip(String taskId, String reason) implements Step {
    }

    /** How the run ends once every task run is complete. */
    public record RunEnd(RunStatus status, StatusReason reason, String description) {
    }

    /** The steps to take, in order, and how the run ends if it does. */
    public record Decision(List<Step> steps, Optional<RunEnd> runEnd) {
    }

    /** Decides for the task runs of one run, given in their creation order. */
    public static Decision decide(List<Node> taskRuns) {
        Map<String, Node> byTask = new LinkedHashMap<>();
        taskRuns.forEach(n -> byTask.put(n.taskId(), n));
        List<Step> steps = new ArrayList<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Node node : List.copyOf(byTask.values())) {
                if (node.state() != TaskRunState.WAITING || node.awaitsRetry()
                        || !node.dependsOn().keySet().stream().allMatch(p -> byTask.get(p).isComplete())) {
                    continue;
                }
                Optional<String> unmet = unmetCondition(node, byTask);
                if (unmet.isPresent()) {
                    steps.add(new Skip(node.taskId(), unmet.get()));
                    byTask.put(node.taskId(), new Node(node.taskId(), TaskRunState.COMPLETE, TaskRunStatus.SKIPPED,
                            StatusReason.FAILED_PRECONDITION, false, node.dependsOn()));
                    changed = true;
                } else {
                    steps.add(new Dispatch(node.taskId()));
                    byTask.put(node.taskId(), new Node(node.taskId(), TaskRunState.PROCESSING, node.status(),
                            node.statusReason(), false, node.dependsOn()));
                }
            }
        }
        boolean allComplete = byTask.values().stream().allMatch(Node::isComplete);
        return new Decision(List.copyOf(steps),
                allComplete ? Optional.of(runEnd(List.copyOf(byTask.values()))) : Optional.empty());
    }

    private static Optional<String> unmetCondition(Node node, Map<String, Node> byTask) {
        for (Map.Entry<String, RequiredParentStatus> dep : node.dependsOn().entrySet()) {
            TaskRunStatus parent = byTask.get(dep.getKey()).status();
            boolean met = switch (dep.getValue()) {
                case SUCCESS -> parent == TaskRunStatus.SUCCESSFUL;
                case FAILURE -> parent == TaskRunStatus.FAILED;
                case ANY -> parent == TaskRunStatus.SUCCESSFUL || parent == TaskRunStatus.FAILED
                        || parent == TaskRunStatus.SKIPPED;
            };
            if (!met) {
                return Optional.of("parent '" + dep.getKey() + "' ended " + parent.wire() + "; this task requires "
                        + dep.getValue().wire());
            }
        }
        return Optional.empty();
    }

    private static RunEnd runEnd(List<Node> all) {
        if (all.stream().anyMatch(n -> n.status() == TaskRunStatus.CANCELLED)) {
            return new RunEnd(RunStatus.CANCELLED, StatusReason.USER_CANCELLED, "cancelled by user");
        }
        List<Node> failed = all.stream()
                .filter(n -> n.status() == TaskRunStatus.FAILED || n.status() == TaskRunStatus.UNKNOWN).toList();
        if (failed.isEmpty()) {
            return new RunEnd(RunStatus.SUCCESSFUL, null, null);
        }
        StatusReason reason = failed.get(0).statusReason() == null
                ? StatusReason.ABNORMAL_EXIT
                : failed.get(0).statusReason();
        return new RunEnd(RunStatus.FAILED, reason,
                "task run(s) failed: " + failed.stream().map(Node::taskId).collect(Collectors.joining(", ")));
    }
}
