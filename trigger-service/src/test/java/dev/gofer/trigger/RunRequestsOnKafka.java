package dev.gofer.trigger;

import java.time.Duration;
import java.util.List;

import dev.gofer.events.EventCodec;
import dev.gofer.events.EventHeaders;
import dev.gofer.events.RunRequested;
import dev.gofer.events.Topics;
import dev.gofer.testsupport.KafkaTestClient;

/** Reads back what trigger-service published on {@code gofer.run-requests}, as a consumer would see it. */
public final class RunRequestsOnKafka {

    /** One record: its key, the event id header, and the decoded envelope's id and payload. */
    public record Published(String key, String headerEventId, String eventId, RunRequested request) {
    }

    private final KafkaTestClient client;

    public RunRequestsOnKafka(String bootstrapServers) {
        this.client = new KafkaTestClient(bootstrapServers);
    }

    /** Every run request on the topic keyed {@code namespace/pipeline}. */
    public List<Published> forPipeline(String namespaceId, String pipelineId) {
        String key = namespaceId + "/" + pipelineId;
        return client.readAll(Topics.RUN_REQUESTS, Duration.ofSeconds(10)).stream()
                .filter(r -> key.equals(r.key()))
                .map(r -> {
                    var envelope = EventCodec.decode(r.value(), RunRequested.class);
                    return new Published(r.key(), EventHeaders.read(r.headers(), EventHeaders.EVENT_ID),
                            envelope.eventId(), (RunRequested) envelope.payload());
                })
                .toList();
    }

    /** The run requests of one interval subscription of the pipeline. */
    public List<Published> forSubscription(String namespaceId, String pipelineId, String subscriptionId) {
        String prefix = "interval:" + namespaceId + "/" + pipelineId + "/" + subscriptionId + ":";
        return forPipeline(namespaceId, pipelineId).stream().filter(p -> p.eventId().startsWith(prefix)).toList();
    }
}
