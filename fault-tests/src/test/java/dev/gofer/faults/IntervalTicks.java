package dev.gofer.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import dev.gofer.events.EventCodec;
import dev.gofer.events.Topics;
import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunStatus;
import dev.gofer.testsupport.LocalImages;

/**
 * A pipeline started by a real interval subscription of trigger-service (every 2 s), for the scenario that kills
 * trigger-service: its fires before and after the kill, and whether each distinct fire became exactly one run.
 */
final class IntervalTicks {

    static final String SUBSCRIPTION = "every-2s";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String pipelineId;
    private final String url;

    private IntervalTicks(String pipelineId) {
        this.pipelineId = pipelineId;
        this.url = FaultStack.get().triggerUrl() + "/api/namespaces/" + FaultStack.NAMESPACE + "/pipelines/"
                + pipelineId + "/subscriptions";
    }

    /** Registers the pipeline (one short task) and subscribes it to an interval of 2 s. */
    static IntervalTicks subscribe(String pipelineId) {
        FaultStack.api().registerConfig(FaultStack.NAMESPACE, Pipeline.of(pipelineId, "Fault suite: interval ticks")
                .tasks(CustomTask.of("tick", LocalImages.BUSYBOX).command("sh", "-c", "echo tick")));
        IntervalTicks ticks = new IntervalTicks(pipelineId);
        HttpResponse<String> created = ticks.send("POST", "", "{\"trigger\":\"interval\",\"subscription_id\":\""
                + SUBSCRIPTION + "\",\"settings\":{\"every\":\"2s\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ticks;
    }

    String pipelineId() {
        return pipelineId;
    }

    /** How often the subscription has fired, as trigger-service counts. */
    long fireCount() {
        return subscription().path("fire_count").asLong();
    }

    /** When it last fired. */
    Instant lastFiredAt() {
        return Instant.ofEpochMilli(subscription().path("last_fired_at").asLong());
    }

    /** Deletes the subscription: after this it fires no more. */
    void unsubscribe() {
        assertThat(send("DELETE", "/interval/" + SUBSCRIPTION, null).statusCode()).isEqualTo(204);
    }

    /** The distinct event ids of the run requests published for the pipeline (a republished fire counts once). */
    Set<String> firedEventIds() {
        Set<String> ids = new LinkedHashSet<>();
        String key = FaultStack.NAMESPACE + "/" + pipelineId;
        for (ConsumerRecord<String, byte[]> r : FaultStack.kafka().readAll(Topics.RUN_REQUESTS,
                Duration.ofSeconds(60))) {
            if (key.equals(r.key())) {
                try {
                    ids.add(EventCodec.mapper().readTree(r.value()).path("event_id").asText());
                } catch (IOException e) {
                    throw new IllegalStateException("a run request of " + key + " is not JSON", e);
                }
            }
        }
        return ids;
    }

    /** The pipeline's runs. */
    List<Run> runs() {
        return FaultStack.api().listRuns(FaultStack.NAMESPACE, pipelineId, 500, 0);
    }

    /** What is wrong with the fires and their runs: each distinct fire one run, every run started by it, successful. */
    List<String> problems(Set<String> fired, List<Run> runs) {
        List<String> problems = new ArrayList<>();
        if (runs.size() != fired.size()) {
            problems.add(fired.size() + " distinct interval fires of " + pipelineId + " made " + runs.size()
                    + " runs (a fire " + (runs.size() < fired.size() ? "lost" : "doubled") + ")");
        }
        for (Run run : runs) {
            if (!("trigger".equals(run.initiator().kind())
                    && ("interval/" + SUBSCRIPTION).equals(run.initiator().name()))) {
                problems.add("run " + run.runId() + " of " + pipelineId + " was started by " + run.initiator());
            }
            if (run.status() != RunStatus.SUCCESSFUL) {
                problems.add("interval run " + run.runId() + " of " + pipelineId + " ended " + run.status().wire());
            }
        }
        return problems;
    }

    private JsonNode subscription() {
        HttpResponse<String> got = send("GET", "/interval/" + SUBSCRIPTION, null);
        assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
        try {
            return EventCodec.mapper().readTree(got.body()).path("subscription");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + FaultStack.get().adminToken())
                .method(method, json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
