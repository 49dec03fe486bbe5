package dev.gofer.sdk;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One execution of a pipeline.
 *
 * @param namespaceId the namespace
 * @param pipelineId the pipeline
 * @param runId 1, 2, ... per pipeline
 * @param configVersion the config version this run executes
 * @param state pending, running or complete
 * @param status how it ended ({@code unknown} until it has)
 * @param statusReason why it ended so, or {@code null}
 * @param started epoch milliseconds (0 = not yet)
 * @param ended epoch milliseconds (0 = not yet)
 * @param initiator who asked for it
 * @param variables run variables
 */
public record Run(String namespaceId, String pipelineId, long runId, long configVersion, RunState state,
        RunStatus status, StatusReason statusReason, long started, long ended, Initiator initiator,
        List<Variable> variables) {

    public Run {
        state = state == null ? RunState.UNKNOWN : state;
        status = status == null ? RunStatus.UNKNOWN : status;
        variables = variables == null ? List.of() : List.copyOf(variables);
    }

    /** Whether the run has finished (state {@code complete}). */
    @JsonIgnore
    public boolean finished() {
        return state == RunState.COMPLETE;
    }
}
