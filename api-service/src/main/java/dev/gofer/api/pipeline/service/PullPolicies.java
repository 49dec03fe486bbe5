package dev.gofer.api.pipeline.service;

import java.util.Optional;

import dev.gofer.events.PullPolicy;

/** Reads a task's pull policy: {@code pull_policy} when given, else Gofer's {@code always_pull_newest_image}. */
final class PullPolicies {

    private PullPolicies() {
    }

    static Optional<PullPolicy> parse(String text) {
        String normalized = text.trim().replace('-', '_');
        for (PullPolicy p : PullPolicy.values()) {
            if (p.wire().equalsIgnoreCase(normalized)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static PullPolicy of(String pullPolicy, Boolean alwaysPullNewestImage) {
        if (pullPolicy != null) {
            return parse(pullPolicy).orElseThrow();
        }
        return Boolean.TRUE.equals(alwaysPullNewestImage) ? PullPolicy.ALWAYS : PullPolicy.IF_NOT_PRESENT;
    }
}
