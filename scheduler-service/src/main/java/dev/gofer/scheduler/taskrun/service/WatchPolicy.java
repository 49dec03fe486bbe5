package dev.gofer.scheduler.taskrun.service;

import java.time.Duration;
import java.time.Instant;

/**
 * How one container is watched: the masker of its log lines and, when its task has a {@code timeout_seconds}, the
 * instant it must have exited by (kept in the label {@value TaskRunContainers#LABEL_DEADLINE}, so an adopter keeps
 * the same deadline) and the grace between SIGTERM and SIGKILL when it has not.
 */
record WatchPolicy(SecretMasker masker, Instant deadline, Duration stopGrace) {

    static WatchPolicy of(SecretMasker masker) {
        return new WatchPolicy(masker, null, Duration.ZERO);
    }

    boolean hasDeadline() {
        return deadline != null;
    }
}
