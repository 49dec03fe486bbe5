package dev.gofer.trigger.subscription.service;

/** Gofer's rule for user-chosen identifiers (namespace, pipeline, subscription): 3 to 32 of A-Z a-z 0-9 _ -. */
public final class Identifiers {

    public static final String PATTERN = "^[A-Za-z0-9_-]{3,32}$";
    public static final String MESSAGE = "must be 3 to 32 characters of A-Z, a-z, 0-9, '_' or '-'";

    private Identifiers() {
    }
}
