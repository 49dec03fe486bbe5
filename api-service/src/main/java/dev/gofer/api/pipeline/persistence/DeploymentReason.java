package dev.gofer.api.pipeline.persistence;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a deployment failed. */
public enum DeploymentReason {
    /** The version to deploy no longer existed when the deployment went to promote it. */
    FAILED_PRECONDITION,
    /** The deployment was left running past its timeout (its api instance stopped); a later one took over. */
    ABANDONED,
    /** The database refused the change; nothing was promoted. */
    INTERNAL_ERROR;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
