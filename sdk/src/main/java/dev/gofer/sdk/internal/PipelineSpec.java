package dev.gofer.sdk.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The pipeline JSON exactly as it goes on the wire (snake_case via {@link Json}); every field is always written. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "name", "description", "parallelism", "tasks"})
public record PipelineSpec(String id, String name, String description, long parallelism, List<TaskSpec> tasks) {
}
