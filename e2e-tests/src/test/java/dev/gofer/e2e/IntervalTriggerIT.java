package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.GoferApiException;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunStatus;
import dev.gofer.testsupport.LocalImages;

/** trigger-service fires an interval subscription; api-service runs what it requests. */
class IntervalTriggerIT {

    private final GoferClient api = Stack.api();

    @Test
    void shouldStartRunsWhenIntervalSubscriptionFires() {
        String id = Stack.pipelineId("interval");
        api.registerConfig("default", Pipeline.of(id, "Every second").tasks(
                CustomTask.of("tick", LocalImages.BUSYBOX).command("sh", "-c", "echo tick from $SOURCE")));
        String subscriptions = Stack.get().triggerUrl() + "/api/namespaces/default/pipelines/" + id + "/subscriptions";

        var created = Stack.http("POST", subscriptions, "application/json",
                "{\"trigger\":\"interval\",\"subscription_id\":\"every-second\",\"settings\":{\"every\":\"1s\"},"
                        + "\"variables\":{\"SOURCE\":\"interval\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        Run second = await().atMost(Duration.ofSeconds(30)).ignoreException(GoferApiException.class)
                .until(() -> api.getRun("default", id, 2), r -> r != null);
        assertThat(Stack.http("DELETE", subscriptions + "/interval/every-second", null, null).statusCode())
                .isEqualTo(204);

        Run first = Runs.awaitComplete(api, id, 1);
        assertThat(first.status()).isEqualTo(RunStatus.SUCCESSFUL);
        assertThat(first.initiator().kind()).isEqualTo("trigger");
        assertThat(first.initiator().name()).isEqualTo("interval/every-second");
        assertThat(second.initiator().name()).isEqualTo("interval/every-second");
        assertThat(Runs.logs(api, id, 1, "tick")).isEqualTo("tick from interval\n");
    }
}
