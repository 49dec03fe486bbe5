package dev.gofer.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunState;

/** Waiting for runs and logs through the public API. */
final class Runs {

    static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    private Runs() {
    }

    static Run awaitComplete(GoferClient api, String pipelineId, long runId) {
        return awaitComplete(api, "default", pipelineId, runId);
    }

    static Run awaitComplete(GoferClient api, String namespace, String pipelineId, long runId) {
        return await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> api.getRun(namespace, pipelineId, runId), r -> r.state() == RunState.COMPLETE);
    }

    /** The task's log once every line the container wrote is stored. */
    static String logs(GoferClient api, String pipelineId, long runId, String taskId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.getTaskRun("default", pipelineId, runId, taskId), t -> t.logs().complete());
        return api.getTaskLogs("default", pipelineId, runId, taskId);
    }
}
