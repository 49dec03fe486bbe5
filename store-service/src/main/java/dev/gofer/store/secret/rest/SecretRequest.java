package dev.gofer.store.secret.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.gofer.store.common.service.Names;

/** Body of {@code POST .../secrets}: the key, the plaintext content, and whether to replace an existing key. */
public record SecretRequest(
        @NotNull(message = "is required") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String key,
        @NotNull(message = "is required") @Size(max = SecretRequest.MAX_CONTENT_CHARS, message = "must be at most {max} characters") String content,
        boolean force) {

    /** The largest secret value accepted, in characters. */
    public static final int MAX_CONTENT_CHARS = 65536;

    @Override
    public String toString() {
        return "SecretRequest[key=" + key + ", content=***, force=" + force + "]";
    }
}
