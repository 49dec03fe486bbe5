package dev.gofer.api.run.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.gofer.api.run.persistence.Run;
import dev.gofer.api.run.persistence.RunState;
import dev.gofer.api.run.persistence.RunStatus;
import dev.gofer.api.run.persistence.StatusReason;
import dev.gofer.api.run.persistence.TaskRun;
import dev.gofer.api.run.persistence.TaskRunAttempt;
import dev.gofer.api.run.persistence.TaskRunState;
import dev.gofer.api.run.persistence.TaskRunStatus;
import dev.gofer.events.Variable;

/** The read model of runs and task runs, as the API shows them; entities never leave this layer. */
public final class RunViews {

    private RunViews() {
    }

    public record StatusReasonView(StatusReason reason, String description) {
        static StatusReasonView of(StatusReason reason, String description) {
            return reason == null ? null : new StatusReasonView(reason, description == null ? "" : description);
        }
    }

    public record InitiatorView(String kind, String name) {
    }

    public record VariableView(String key, String value, String source) {
        static List<VariableView> from(List<Variable> vars) {
            return vars.stream().map(v -> new VariableView(v.key(), v.value(), v.source().wire())).toList();
        }
    }

    public record RunView(String namespaceId, String pipelineId, long runId, int configVersion, RunState state,
            RunStatus status, StatusReasonView statusReason, long started, long ended, InitiatorView initiator,
            List<VariableView> variables, boolean logsExpired) {
        public static RunView from(Run r) {
            Map<String, String> vars = Json.stringMap(r.variables);
            return new RunView(r.namespaceId, r.pipelineId, r.runId, r.configVersion, r.state, r.status,
                    StatusReasonView.of(r.statusReason, r.statusDescription), r.started, r.ended,
                    new InitiatorView(r.initiatorKind, r.initiatorName),
                    vars.entrySet().stream().map(e -> new VariableView(e.getKey(), e.getValue(), "run_options"))
                            .toList(),
                    r.logsExpired);
        }
    }

    /** How many log lines are stored, whether they are all the container wrote, and whether a user removed them. */
    /** {@code removed}: by a user or by retention; {@code expired}: by retention. */
    public record LogsView(long lines, boolean complete, boolean removed, boolean expired) {
    }

    /**
     * One attempt of a task run: the earlier ones as they ended, the last one is the current attempt (as the task run
     * itself shows it; {@code status} {@code unknown} while it has not ended).
     */
    public record AttemptView(int attempt, String workerId, Integer exitCode, TaskRunStatus status,
            StatusReasonView statusReason, long started, long ended) {
        static AttemptView from(TaskRunAttempt a) {
            return new AttemptView(a.attempt, a.workerId, a.exitCode, a.status,
                    StatusReasonView.of(a.statusReason, a.statusDescription), a.started, a.ended);
        }

        static AttemptView current(TaskRun t) {
            return new AttemptView(t.attempt, t.workerId, t.exitCode, t.status,
                    StatusReasonView.of(t.statusReason, t.statusDescription), t.started, t.ended);
        }
    }

    /**
     * A task run as the API shows it: its current attempt, and every attempt in {@code attempts}. {@code retryAt}: when
     * a waiting task run's next attempt is dispatched (0 = not waiting for a retry).
     */
    public record TaskRunView(String namespaceId, String pipelineId, long runId, String taskId, int attempt,
            String image, TaskRunState state, TaskRunStatus status, StatusReasonView statusReason, Integer exitCode,
            long created, long started, long ended, String workerId, List<VariableView> variables, LogsView logs,
            long retryAt, List<AttemptView> attempts) {
        static TaskRunView from(TaskRun t, long storedLines, boolean removed, boolean expired,
                List<TaskRunAttempt> earlier) {
            boolean complete = removed || t.logLinesExpected != null && storedLines >= t.logLinesExpected
                    || t.isComplete() && t.logLinesExpected == null && t.started == 0;
            List<AttemptView> attempts = new ArrayList<>();
            earlier.stream().filter(a -> a.attempt < t.attempt).map(AttemptView::from).forEach(attempts::add);
            attempts.add(AttemptView.current(t));
            return new TaskRunView(t.namespaceId, t.pipelineId, t.runId, t.taskId, t.attempt, t.image, t.state,
                    t.status, StatusReasonView.of(t.statusReason, t.statusDescription), t.exitCode, t.created,
                    t.started, t.ended, t.workerId, VariableView.from(Json.variables(t.variables)),
                    new LogsView(storedLines, complete, removed, expired), t.retryAt, List.copyOf(attempts));
        }
    }
}
