package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunStatus;
import dev.gofer.testsupport.LocalImages;

/**
 * {@code inject_api_token: true}: the task gets {@code GOFER_API_TOKEN}, a token for its own run only. From inside
 * the container it reads its run, writes and reads a run object through the front door, and is refused on another
 * pipeline; once the run has ended, every service refuses the token.
 */
class RunTokenIT {

    private final GoferClient api = Stack.api();

    @Test
    void shouldReachOnlyItsOwnRunWithTheRunTokenAndNothingOnceTheRunEnded() throws Exception {
        String id = Stack.pipelineId("run-token");
        String other = Stack.pipelineId("run-token-other");
        api.registerConfig("default", Pipeline.of(other, "Other").tasks(CustomTask.of("probe", LocalImages.BUSYBOX)
                .command("true")));
        String base = "$GOFER_API_URL/api/namespaces/$GOFER_NAMESPACE_ID/pipelines";
        String auth = " --header \"Authorization: Bearer $GOFER_API_TOKEN\" ";
        String script = String.join("; ",
                "wget -q -O /dev/null" + auth + "\"" + base + "/$GOFER_PIPELINE_ID/runs/$GOFER_RUN_ID\""
                        + " && echo own-run=ok || echo own-run=refused",
                "wget -q -O /dev/null" + auth + "--header 'Content-Type: application/octet-stream' --post-data hi \""
                        + base + "/$GOFER_PIPELINE_ID/runs/$GOFER_RUN_ID/objects/note\""
                        + " && echo put-object=ok || echo put-object=refused",
                "echo \"get-object=$(wget -q -O -" + auth + "\"" + base
                        + "/$GOFER_PIPELINE_ID/runs/$GOFER_RUN_ID/objects/note\")\"",
                "wget -q -O /dev/null" + auth + "\"" + base + "/" + other + "/runs\""
                        + " && echo other-pipeline=ok || echo other-pipeline=refused",
                "wget -q -O /dev/null" + auth + "\"$GOFER_API_URL/api/namespaces\""
                        + " && echo namespaces=ok || echo namespaces=refused",
                "printf %s \"$GOFER_API_TOKEN\" | rev; echo");
        api.registerConfig("default", Pipeline.of(id, "Run token").tasks(CustomTask.of("probe", LocalImages.BUSYBOX)
                .injectApiToken(true).command("sh", "-c", script)));

        Run run = api.startRun("default", id, Map.of());
        Run done = Runs.awaitComplete(api, id, run.runId());
        assertThat(done.status()).isEqualTo(RunStatus.SUCCESSFUL);

        List<String> all = Runs.logs(api, id, run.runId(), "probe").lines().toList();
        // busybox wget names each refusal on stderr: the two refused calls were 403s, not 401s.
        assertThat(all).filteredOn(l -> l.startsWith("wget:"))
                .containsExactly("wget: server returned error: HTTP/1.1 403 Forbidden",
                        "wget: server returned error: HTTP/1.1 403 Forbidden");
        List<String> lines = all.stream().filter(l -> !l.startsWith("wget:")).toList();
        assertThat(lines).hasSize(6).startsWith("own-run=ok", "put-object=ok", "get-object=hi",
                "other-pipeline=refused", "namespaces=refused");
        String token = new StringBuilder(lines.get(5)).reverse().toString();
        assertThat(token).matches("[A-Za-z0-9]{32}");

        String runUrl = Stack.get().apiUrl() + "/api/namespaces/default/pipelines/" + id + "/runs/" + run.runId();
        var afterEnd = Stack.http("GET", runUrl, null, null, "Bearer " + token);
        var objectAfterEnd = Stack.http("GET", runUrl + "/objects/note", null, null, "Bearer " + token);
        System.out.println("run token after the run ended: api " + afterEnd.statusCode() + ", store (through the"
                + " front door) " + objectAfterEnd.statusCode());
        assertThat(afterEnd.statusCode()).as(afterEnd.body()).isEqualTo(401);
        assertThat(afterEnd.body()).contains("is disabled").doesNotContain(token);
        // store-service learns of it from the published grant: within 5 s by design.
        long deadline = System.nanoTime() + 5_000_000_000L;
        int status = objectAfterEnd.statusCode();
        while (status != 401 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = Stack.http("GET", runUrl + "/objects/note", null, null, "Bearer " + token).statusCode();
        }
        assertThat(status).as("store route with the ended run's token").isEqualTo(401);
    }
}
