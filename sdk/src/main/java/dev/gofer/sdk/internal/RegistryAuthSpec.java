package dev.gofer.sdk.internal;

/** Registry credentials of a task; {@code pass} may be a secret reference such as {@code pipeline_secret{{k}}}. */
public record RegistryAuthSpec(String user, String pass) {
}
