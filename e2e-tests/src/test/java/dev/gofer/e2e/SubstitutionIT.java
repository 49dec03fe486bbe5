package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.Gofer;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunStatus;
import dev.gofer.sdk.TaskRun;
import dev.gofer.sdk.TaskRunStatus;
import dev.gofer.testsupport.LocalImages;

/** Secrets and objects put into store-service reach containers as values, and never show in api-service. */
class SubstitutionIT {

    private static final String SECRET = "s3cr3t-Value-9f2c";
    private final GoferClient api = Stack.api();

    private static void putSecret(String pipelineId, String key, String value) {
        var response = Stack.http("POST", Stack.get().storeUrl() + "/api/namespaces/default/pipelines/" + pipelineId
                + "/secrets", "application/json",
                "{\"key\":\"" + key + "\",\"content\":\"" + value + "\",\"force\":false}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static void putObject(String pipelineId, String key, String content) {
        var response = Stack.http("POST", Stack.get().storeUrl() + "/api/namespaces/default/pipelines/" + pipelineId
                + "/objects/" + key, "application/octet-stream", content);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldDeliverSecretAndObjectValuesWhenTaskUsesReferences() {
        String id = Stack.pipelineId("subst");
        putSecret(id, "token", SECRET);
        putObject(id, "settings", "mode=fast");
        api.registerConfig("default", Pipeline.of(id, "Substitution").tasks(
                CustomTask.of("use-refs", LocalImages.BUSYBOX)
                        .command("sh", "-c", "printf %s \"$TOKEN\" | sha256sum | cut -d' ' -f1;"
                                + " echo \"token-length=${#TOKEN}\"; echo \"settings=$SETTINGS\"")
                        .variable("TOKEN", Gofer.pipelineSecret("token"))
                        .variable("SETTINGS", Gofer.pipelineObject("settings"))));

        Run run = api.startRun("default", id, Map.of());
        Run done = Runs.awaitComplete(api, id, run.runId());

        assertThat(done.status()).isEqualTo(RunStatus.SUCCESSFUL);
        assertThat(Runs.logs(api, id, run.runId(), "use-refs").lines()).containsExactly(sha256(SECRET),
                "token-length=" + SECRET.length(), "settings=mode=fast");
        TaskRun task = api.getTaskRun("default", id, run.runId(), "use-refs");
        assertThat(task.variables()).anySatisfy(v -> {
            assertThat(v.key()).isEqualTo("TOKEN");
            assertThat(v.value()).isEqualTo("pipeline_secret{{token}}");
        });
        String[] apiResponses = {
                Stack.http("GET", Stack.get().apiUrl() + "/api/namespaces/default/pipelines/" + id + "/runs/"
                        + run.runId(), null, null).body(),
                Stack.http("GET", Stack.get().apiUrl() + "/api/namespaces/default/pipelines/" + id + "/runs/"
                        + run.runId() + "/tasks", null, null).body(),
                Stack.http("GET", Stack.get().apiUrl() + "/api/namespaces/default/pipelines/" + id + "/runs/"
                        + run.runId() + "/tasks/use-refs", null, null).body(),
                Stack.http("GET", Stack.get().apiUrl() + "/api/namespaces/default/pipelines/" + id + "/configs/0",
                        null, null).body(),
                Stack.http("GET", Stack.get().storeUrl() + "/api/namespaces/default/pipelines/" + id + "/secrets",
                        null, null).body()};
        for (String body : apiResponses) {
            assertThat(body).isNotBlank().doesNotContain(SECRET);
        }
    }

    @Test
    void shouldFailTaskWithPreconditionAndNamedKeyWhenSecretIsMissing() {
        String id = Stack.pipelineId("missing");
        api.registerConfig("default", Pipeline.of(id, "Missing secret").tasks(
                CustomTask.of("needs-secret", LocalImages.BUSYBOX).command("echo", "never")
                        .variable("API_KEY", Gofer.pipelineSecret("absent_key")),
                CustomTask.of("independent", LocalImages.BUSYBOX).command("echo", "still runs")));

        Run run = api.startRun("default", id, Map.of());
        Run done = Runs.awaitComplete(api, id, run.runId());

        assertThat(done.status()).isEqualTo(RunStatus.FAILED);
        TaskRun failed = api.getTaskRun("default", id, run.runId(), "needs-secret");
        assertThat(failed.status()).isEqualTo(TaskRunStatus.FAILED);
        assertThat(failed.statusReason().reason()).isEqualTo("failed_precondition");
        assertThat(failed.statusReason().description()).contains("pipeline secret").contains("absent_key");
        assertThat(failed.started()).isZero();
        TaskRun independent = api.getTaskRun("default", id, run.runId(), "independent");
        assertThat(independent.status()).isEqualTo(TaskRunStatus.SUCCESSFUL);
    }
}
