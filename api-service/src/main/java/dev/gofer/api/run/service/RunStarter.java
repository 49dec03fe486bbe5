package dev.gofer.api.run.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.gofer.api.ApiException;
import dev.gofer.api.common.config.ApiConfig;
import dev.gofer.api.pipeline.service.PipelineService;
import dev.gofer.api.run.service.RunViews.RunView;
import dev.gofer.events.Envelope;
import dev.gofer.events.EventPublisher;
import dev.gofer.events.Initiator;
import dev.gofer.events.RunRequested;
import dev.gofer.events.Topics;
import dev.gofer.support.problem.FieldError;

/**
 * Starts a run on a user's request the way every other source does: by publishing a run request on
 * {@link Topics#RUN_REQUESTS} (under a new request id, once), which api-service's consumer turns into the run. Then it
 * waits up to {@code gofer.api.run-create-wait} for that run, so that the caller usually gets it back at once.
 */
@ApplicationScoped
public class RunStarter {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;

    @Inject
    PipelineService pipelines;

    @Inject
    RunService runs;

    @Inject
    EventPublisher publisher;

    @Inject
    ApiConfig config;

    /** The run, once created; or only the id of its request, if it was not created within the wait. */
    public record Started(Optional<RunView> run, String requestId) {
    }

    /**
     * Refuses variables without a usable name (400) and pipelines that cannot run now (404, 409) before anything is
     * published.
     */
    public Started start(String namespaceId, String pipelineId, Map<String, String> variables) {
        variables.keySet().stream().filter(k -> k == null || k.isBlank() || k.contains("=")).findFirst()
                .ifPresent(k -> {
                    throw ApiException.invalid("Invalid run request",
                            List.of(new FieldError("variables", "variable names must not be blank or contain '='")));
                });
        pipelines.requireRunnable(namespaceId, pipelineId);
        String requestId = UUID.randomUUID().toString();
        RunRequested request = new RunRequested(namespaceId, pipelineId, variables, new Initiator("api", "anonymous"));
        publisher.publishAndWait(Topics.RUN_REQUESTS, Envelope.withId(requestId, request.key(), request),
                PUBLISH_TIMEOUT);
        Instant deadline = Instant.now().plus(config.runCreateWait());
        while (Instant.now().isBefore(deadline)) {
            Optional<RunView> run = runs.findByRequestId(requestId);
            if (run.isPresent()) {
                return new Started(run, requestId);
            }
            pause();
        }
        return new Started(Optional.empty(), requestId);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
