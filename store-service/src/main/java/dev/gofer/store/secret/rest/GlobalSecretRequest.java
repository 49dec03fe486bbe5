package dev.gofer.store.secret.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.gofer.store.common.service.Names;

/**
 * Body of {@code POST /api/secrets/global}: key, plaintext content, replace flag, and the regular expressions a
 * namespace id must match in full to use the secret (default {@code [".*"]}).
 */
public record GlobalSecretRequest(
        @NotNull(message = "is required") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String key,
        @NotNull(message = "is required") @Size(max = SecretRequest.MAX_CONTENT_CHARS, message = "must be at most {max} characters") String content,
        boolean force, List<String> namespaces) {

    @Override
    public String toString() {
        return "GlobalSecretRequest[key=" + key + ", content=***, force=" + force + ", namespaces=" + namespaces + "]";
    }
}
