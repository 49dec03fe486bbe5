package dev.gofer.sdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why a run, task run or deployment ended the way it did.
 *
 * @param reason a machine-readable kind, e.g. {@code abnormal_exit} or {@code failed_precondition}
 * @param description a sentence for humans
 */
public record StatusReason(String reason, String description) {

    @JsonCreator
    public StatusReason(@JsonProperty("reason") String reason, @JsonProperty("description") String description) {
        this.reason = reason;
        this.description = description;
    }

    /** Reads a reason the API sent as a bare string (e.g. {@code "status_reason": "abnormal_exit"}). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static StatusReason ofText(String reason) {
        return reason == null || reason.isBlank() ? null : new StatusReason(reason, null);
    }
}
