package dev.gofer.trigger.subscription.service;

/** Gofer's subscription states: only {@code active} subscriptions fire. */
public enum SubscriptionStatus {
    ACTIVE("active"), DISABLED("disabled"), ERROR("error");

    private final String wire;

    SubscriptionStatus(String wire) {
        this.wire = wire;
    }

    /** The name on the wire and in the database. */
    public String wire() {
        return wire;
    }
}
