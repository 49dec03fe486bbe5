package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.Gofer;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.GoferStoreClient;
import dev.gofer.sdk.ObjectScope;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.RequiredParentStatus;
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
        var response = Stack.http("POST", Stack.get().apiUrl() + "/api/namespaces/default/pipelines/" + pipelineId
                + "/secrets", "application/json",
                "{\"key\":\"" + key + "\",\"content\":\"" + value + "\",\"force\":false}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static void putObject(String pipelineId, String key, String content) {
        var response = Stack.http("POST", Stack.get().apiUrl() + "/api/namespaces/default/pipelines/" + pipelineId
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
                Stack.http("GET", Stack.get().apiUrl() + "/api/namespaces/default/pipelines/" + id + "/secrets",
                        null, null).body()};
        for (String body : apiResponses) {
            assertThat(body).isNotBlank().doesNotContain(SECRET);
        }
    }

    @Test
    void shouldDeliverAllFourKindsAndLetChildReadRunObjectItsParentWrote() {
        String id = Stack.pipelineId("kinds");
        String globalKey = "kinds_global_" + id.replace('-', '_');
        GoferStoreClient store = Stack.store();
        store.putPipelineSecret("default", id, "p_secret", "pipeline-secret-value", false);
        store.putGlobalSecret(globalKey, "global-secret-value", List.of("default"), false);
        store.putObject(ObjectScope.pipeline("default", id), "p_object", "pipeline-object-value"
                .getBytes(StandardCharsets.UTF_8), false);
        // The parent writes a run object through the front door with its run's own token, as any tool in a task could.
        String write = "wget -q -O - --header 'Content-Type: application/octet-stream'"
                + " --header \"Authorization: Bearer $GOFER_API_TOKEN\""
                + " --post-data \"built-by-parent-$GOFER_RUN_ID\" \"$GOFER_API_URL/api/namespaces/$GOFER_NAMESPACE_ID"
                + "/pipelines/$GOFER_PIPELINE_ID/runs/$GOFER_RUN_ID/objects/artifact\" >/dev/null && echo wrote";
        api.registerConfig("default", Pipeline.of(id, "All kinds").tasks(
                CustomTask.of("parent", LocalImages.BUSYBOX).command("sh", "-c", write).injectApiToken(true),
                CustomTask.of("child", LocalImages.BUSYBOX)
                        .command("sh", "-c", "echo \"p_secret=${#P_SECRET} g_secret=${#G_SECRET}\";"
                                + " echo \"p_object=$P_OBJECT\"; echo \"r_object=$R_OBJECT\"")
                        .variable("P_SECRET", Gofer.pipelineSecret("p_secret"))
                        .variable("G_SECRET", Gofer.globalSecret(globalKey))
                        .variable("P_OBJECT", Gofer.pipelineObject("p_object"))
                        .variable("R_OBJECT", Gofer.runObject("artifact"))
                        .dependsOn("parent", RequiredParentStatus.SUCCESS)));

        Run run = api.startRun("default", id, Map.of());
        Run done = Runs.awaitComplete(api, id, run.runId());

        assertThat(done.status()).as(Runs.logs(api, id, run.runId(), "parent")).isEqualTo(RunStatus.SUCCESSFUL);
        assertThat(Runs.logs(api, id, run.runId(), "child").lines()).containsExactly(
                "p_secret=" + "pipeline-secret-value".length() + " g_secret=" + "global-secret-value".length(),
                "p_object=pipeline-object-value", "r_object=built-by-parent-" + run.runId());
    }

    @Test
    void shouldFailTaskWithPreconditionWhenGlobalSecretIsNotAllowedInItsNamespace() {
        String ns = "subst-ns-" + Long.toString(System.nanoTime() % 100_000);
        api.createNamespace(ns, "Other", "a namespace the secret is not for");
        String key = "only_default_" + ns.replace('-', '_');
        Stack.store().putGlobalSecret(key, "not-for-you", List.of("default"),
                false);
        String id = Stack.pipelineId("refused");
        api.registerConfig(ns, Pipeline.of(id, "Refused").tasks(CustomTask.of("wants-global", LocalImages.BUSYBOX)
                .command("echo", "never").variable("G", Gofer.globalSecret(key))));

        Run run = api.startRun(ns, id, Map.of());
        Run done = Runs.awaitComplete(api, ns, id, run.runId());

        assertThat(done.status()).isEqualTo(RunStatus.FAILED);
        TaskRun task = api.getTaskRun(ns, id, run.runId(), "wants-global");
        assertThat(task.statusReason().reason()).isEqualTo("failed_precondition");
        assertThat(task.statusReason().description()).contains("global secret").contains(key).contains(ns);
        assertThat(task.started()).isZero();
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
