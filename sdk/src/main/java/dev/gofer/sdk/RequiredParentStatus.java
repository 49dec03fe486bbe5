package dev.gofer.sdk;

/** The final status a parent task must reach for a dependent task to run; otherwise the child is skipped. */
public enum RequiredParentStatus {
    /** The parent ended successful. */
    SUCCESS("success"),
    /** The parent ended failed. */
    FAILURE("failure"),
    /** The parent ended successful, failed or skipped. */
    ANY("any");

    private final String wire;

    RequiredParentStatus(String wire) {
        this.wire = wire;
    }

    /** The value in the pipeline JSON. */
    public String wire() {
        return wire;
    }
}
