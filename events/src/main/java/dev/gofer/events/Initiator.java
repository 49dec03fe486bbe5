package dev.gofer.events;

/** Who asked for a run: {@code kind} is {@code api}, {@code trigger} or {@code external}; {@code name} says who. */
public record Initiator(String kind, String name) {

    public Initiator {
        Require.text(kind, "initiator.kind");
        name = name == null ? "" : name;
    }
}
