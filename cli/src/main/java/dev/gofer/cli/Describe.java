package dev.gofer.cli;

import dev.gofer.sdk.Run;
import dev.gofer.sdk.StatusReason;
import dev.gofer.sdk.TaskRun;
import dev.gofer.sdk.TaskRunState;

/** Short human descriptions of runs and task runs shared by the commands. */
final class Describe {

    private Describe() {
    }

    /** e.g. {@code running}, {@code complete successful (exit 0)}, {@code complete skipped (failed_precondition)}. */
    static String taskState(TaskRun task, Style style) {
        if (task.state() != TaskRunState.COMPLETE) {
            return style.state(task.state().wire());
        }
        String text = "complete " + style.state(task.status().wire());
        if (task.exitCode() != null) {
            return text + " (exit " + task.exitCode() + ")";
        }
        if (task.statusReason() != null && task.statusReason().reason() != null) {
            return text + " (" + task.statusReason().reason() + ")";
        }
        return text;
    }

    /** e.g. {@code complete failed (abnormal_exit: task build failed)}. */
    static String runState(Run run, Style style) {
        String text = style.state(run.state().wire());
        if (run.finished()) {
            text += " " + style.state(run.status().wire());
        }
        return text + reason(run.statusReason());
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
