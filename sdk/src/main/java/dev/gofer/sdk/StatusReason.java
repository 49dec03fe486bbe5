package dev.gofer.sdk;

/**
 * Why a run or task run ended the way it did.
 *
 * @param reason a machine-readable kind, e.g. {@code abnormal_exit} or {@code failed_precondition}
 * @param description a sentence for humans
 */
public record StatusReason(String reason, String description) {
}
