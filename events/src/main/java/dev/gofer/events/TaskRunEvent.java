package dev.gofer.events;

/** Events about one task run of a run, keyed {@link TaskRunRef#key()}. */
public sealed interface TaskRunEvent extends EventPayload
        permits TaskRunToResolve, TaskRunReady, TaskRunStarted, TaskRunExited, TaskRunFailed, TaskRunCancel {

    TaskRunRef taskRun();

    int attempt();
}
