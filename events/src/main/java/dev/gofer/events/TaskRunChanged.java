package dev.gofer.events;

/**
 * {@code task-run.running} (its container started), {@code task-run.retrying} (an attempt ended and the task run goes
 * on with attempt {@code attempt}; {@code exit_code} and {@code reason} say why the previous attempt ended),
 * {@code task-run.completed} ({@code status} {@code successful|failed|cancelled|skipped}, {@code exit_code} when the
 * container exited, {@code reason}). Key {@code namespace/pipeline/run/task}.
 */
public record TaskRunChanged(String kind, TaskRunRef taskRun, int attempt, String status, Integer exitCode,
        String reason) implements DomainEvent {

    public static final String RUNNING = "task-run.running";
    public static final String RETRYING = "task-run.retrying";
    public static final String COMPLETED = "task-run.completed";

    public TaskRunChanged {
        Require.text(kind, "kind");
        Require.present(taskRun, "task_run");
        status = status == null ? "unknown" : status;
    }

    @Override
    public String aggregateKey() {
        return taskRun.key();
    }
}
