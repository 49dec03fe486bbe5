package dev.gofer.api.run.service;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a run or task run ended other than successfully. */
public enum StatusReason {
    ABNORMAL_EXIT, SCHEDULER_ERROR, FAILED_PRECONDITION, USER_CANCELLED, WORKER_LOST;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
