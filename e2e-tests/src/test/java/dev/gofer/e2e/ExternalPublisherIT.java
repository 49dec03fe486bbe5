package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.GoferApiException;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunStatus;
import dev.gofer.testsupport.LocalImages;

/** An outside system publishes a run request straight to the topic with a plain Kafka producer (docs/events.md). */
class ExternalPublisherIT {

    private final GoferClient api = Stack.api();

    @Test
    void shouldRunPipelineWhenPlainProducerPublishesRunRequest() {
        String id = Stack.pipelineId("external");
        api.registerConfig("default", Pipeline.of(id, "Started from Kafka").tasks(
                CustomTask.of("greet", LocalImages.BUSYBOX).command("sh", "-c", "echo \"hello $WHO\"")));
        String json = """
                {"event_id":"%s","type":"run.requested","version":1,"occurred_at":"2026-11-28T10:00:00Z",
                 "key":"default/%s","payload":{"namespace_id":"default","pipeline_id":"%s",
                 "variables":{"WHO":"billing-system"},"initiator":{"kind":"external","name":"billing"}}}"""
                .formatted(UUID.randomUUID(), id, id);

        Stack.kafka().send("gofer.run-requests", "default/" + id, json.getBytes(StandardCharsets.UTF_8), Map.of());

        Run run = await().atMost(Duration.ofSeconds(30)).ignoreException(GoferApiException.class)
                .until(() -> api.getRun("default", id, 1), r -> r != null);
        Run done = Runs.awaitComplete(api, id, run.runId());
        assertThat(done.status()).isEqualTo(RunStatus.SUCCESSFUL);
        assertThat(done.initiator().kind()).isEqualTo("external");
        assertThat(Runs.logs(api, id, 1, "greet")).isEqualTo("hello billing-system\n");
    }
}
