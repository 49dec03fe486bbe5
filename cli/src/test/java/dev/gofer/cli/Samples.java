package dev.gofer.cli;

/** Canned API bodies. */
final class Samples {

    static final String PIPE = "/api/namespaces/default/pipelines/simple";

    private Samples() {
    }

    static String run(String state, String status, String reason) {
        return """
                {"run":{"namespace_id":"default","pipeline_id":"simple","run_id":7,"config_version":3,
                        "state":"%s","status":"%s","status_reason":%s,
                        "started":1700000000000,"ended":0,"initiator":{"kind":"api","name":"cli"},
                        "variables":[{"key":"GREETING","value":"hi","source":"run_options"}],"future":1}}
                """.formatted(state, status, reason == null ? "null" : reason);
    }

    static String taskRun(String taskId, String state, String status, Integer exitCode, long started,
            boolean logsComplete) {
        return """
                {"namespace_id":"default","pipeline_id":"simple","run_id":7,"task_id":"%s","attempt":1,
                 "image":"ubuntu:latest","state":"%s","status":"%s","status_reason":null,"exit_code":%s,
                 "created":1700000000000,"started":%d,"ended":0,"worker_id":"worker-1",
                 "variables":[{"key":"GOFER_RUN_ID","value":"7","source":"system"},
                              {"key":"GREETING","value":"hi","source":"run_options"}],
                 "logs":{"lines":1,"complete":%s}}
                """.formatted(taskId, state, status, exitCode == null ? "null" : exitCode.toString(), started,
                logsComplete);
    }

    static String taskRuns(String... taskRuns) {
        return "{\"task_runs\":[" + String.join(",", taskRuns) + "]}";
    }

    static String config(int version) {
        return """
                {"config":{"namespace_id":"default","pipeline_id":"simple","version":%d,"name":"Simple Pipeline",
                           "parallelism":0,"state":"unreleased","registered":1700000000000,"deprecated":0}}
                """.formatted(version);
    }
}
