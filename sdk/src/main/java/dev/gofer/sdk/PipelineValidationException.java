package dev.gofer.sdk;

import java.util.List;
import java.util.stream.Collectors;

/** A pipeline failed validation; {@link #errors()} lists every problem found, not just the first. */
public class PipelineValidationException extends GoferException {

    private final List<FieldError> errors;

    public PipelineValidationException(String pipelineId, List<FieldError> errors) {
        super(message(pipelineId, errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String message(String pipelineId, List<FieldError> errors) {
        return "pipeline '" + pipelineId + "' is invalid:"
                + errors.stream().map(e -> "\n  " + e).collect(Collectors.joining());
    }
}
