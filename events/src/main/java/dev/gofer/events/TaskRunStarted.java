package dev.gofer.events;

/** A worker started the task run's container. Topic {@link Topics#TASK_RUN_STATUS}. */
public record TaskRunStarted(TaskRunRef taskRun, int attempt, String workerId, String containerId)
        implements
            TaskRunEvent {

    public static final String TYPE = "task-run.started";

    public TaskRunStarted {
        Require.present(taskRun, "task_run");
        Require.text(workerId, "worker_id");
        Require.text(containerId, "container_id");
    }
}
