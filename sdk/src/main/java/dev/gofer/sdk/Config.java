package dev.gofer.sdk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One registered version of a pipeline's configuration.
 *
 * @param namespaceId the namespace
 * @param pipelineId the pipeline id
 * @param version 1, 2, ... per pipeline
 * @param name the pipeline name in this version
 * @param description the pipeline description in this version
 * @param parallelism run limit of this version (0 = none)
 * @param state {@code unreleased} (registered), {@code live} (new runs use it) or {@code deprecated} (replaced)
 * @param registered epoch milliseconds (0 = not set)
 * @param deprecated epoch milliseconds (0 = not set)
 * @param tasks the tasks as the API returns them, {@code {task_id: task}} (kept as JSON, its shape is the server's
 *        business)
 */
public record Config(String namespaceId, String pipelineId, long version, String name, String description,
        long parallelism, ConfigState state, long registered, long deprecated, JsonNode tasks) {

    public Config {
        state = state == null ? ConfigState.UNKNOWN : state;
    }
}
