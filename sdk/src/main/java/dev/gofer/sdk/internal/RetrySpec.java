package dev.gofer.sdk.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The {@code retry} object of a task; fields left {@code null} are not written (the server's defaults apply). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"max_attempts", "backoff_seconds", "exit_codes", "on_worker_lost"})
public record RetrySpec(Integer maxAttempts, Long backoffSeconds, List<Integer> exitCodes, Integer onWorkerLost) {
}
