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
        return config(version, "unreleased");
    }

    static String config(int version, String state) {
        return "{\"config\":" + configObject(version, state) + "}";
    }

    static String configObject(int version, String state) {
        return """
                {"namespace_id":"default","pipeline_id":"simple","version":%d,"name":"Simple Pipeline",
                 "description":"","parallelism":0,"state":"%s","registered":1700000000000,"deprecated":0,
                 "tasks":{"build":{"id":"build"},"deploy":{"id":"deploy"}}}
                """.formatted(version, state);
    }

    static String pipeline(String state) {
        return """
                {"namespace_id":"default","pipeline_id":"simple","state":"%s","created":1700000000000,
                 "modified":1700000000000}
                """.formatted(state);
    }

    static String namespace(String id, String name, String description) {
        return """
                {"id":"%s","name":"%s","description":"%s","created":1700000000000,"modified":1700000000000}
                """.formatted(id, name, description);
    }

    static String deployment(long id, long from, long to, String state, String status) {
        return """
                {"namespace_id":"default","pipeline_id":"simple","deployment_id":%d,"start_version":%d,
                 "end_version":%d,"started":1700000000000,"ended":1700000002000,"state":"%s","status":"%s",
                 "status_reason":null}
                """.formatted(id, from, to, state, status);
    }

    /** A token as the API shows it (never its secret). */
    static String token(String id, String user, String kind, boolean disabled) {
        return """
                {"id":"%s","kind":"%s","user":"%s","namespaces":["default","team-.*"],"roles":["user","viewer"],
                 "metadata":{"purpose":"ci"},"created":1700000000000,"expires":0,"disabled":%s,"last_used":0}
                """.formatted(id, kind, user, disabled);
    }

    /** {@code {"secret": ..., "token": ...}}: a token just made. */
    static String createdToken(String secret, String id, String user, String kind) {
        return "{\"secret\":\"" + secret + "\",\"token\":" + token(id, user, kind, false) + "}";
    }

    static String role(String id, boolean system) {
        return """
                {"id":"%s","description":"runs pipelines","permissions":[{"resources":["pipelines","runs"],
                 "actions":["read","write"]},{"resources":["secrets"],"actions":["read"]}],"system_role":%s}
                """.formatted(id, system);
    }

    /** One {@code event: line} of a log stream. */
    static String logLine(long seq, String text) {
        return "id: " + seq + "\nevent: line\ndata: {\"seq\":" + seq + ",\"stream\":\"stdout\",\"text\":\"" + text
                + "\",\"at\":1700000000000}\n\n";
    }

    /** A complete log stream: the lines (seq 1, 2, ...) and {@code event: end}. */
    static String logStream(String... texts) {
        StringBuilder stream = new StringBuilder("retry: 0\n");
        for (int i = 0; i < texts.length; i++) {
            stream.append(logLine(i + 1, texts[i]));
        }
        return stream.append("event: end\ndata: {\"lines\":").append(texts.length).append("}\n\n").toString();
    }
}
