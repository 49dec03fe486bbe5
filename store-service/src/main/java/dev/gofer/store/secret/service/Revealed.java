package dev.gofer.store.secret.service;

/** A secret's metadata with its plaintext, for a caller allowed to reveal it. Never log it. */
public record Revealed<T>(T info, String value) {

    @Override
    public String toString() {
        return "Revealed[info=" + info + ", value=***]";
    }
}
