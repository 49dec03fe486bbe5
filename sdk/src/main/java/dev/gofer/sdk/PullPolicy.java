package dev.gofer.sdk;

/** When a worker pulls a task's image. */
public enum PullPolicy {
    /** Pull only when the image is not on the worker yet (the default). */
    IF_NOT_PRESENT("if_not_present"),
    /** Pull before every run, so a moving tag such as {@code latest} is always current. */
    ALWAYS("always"),
    /** Never pull: the image must already be on the worker. */
    NEVER("never");

    private final String wire;

    PullPolicy(String wire) {
        this.wire = wire;
    }

    /** The value in the pipeline JSON. */
    public String wire() {
        return wire;
    }
}
