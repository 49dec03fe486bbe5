package dev.gofer.store.secret.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.gofer.store.common.config.StoreConfig;
import dev.gofer.store.common.service.StoreException;

/**
 * Guards secret values: only a request with {@code Authorization: Bearer <gofer.store.admin-token>} may read one.
 * Without a configured token nobody may. Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual},
 * so the time taken tells neither the token's content nor its length; the token is never logged or echoed.
 */
@ApplicationScoped
public class AdminToken {

    static final String REFUSAL = "reading secret values needs the store admin token";

    @Inject
    StoreConfig config;

    /** Returns when {@code authorization} carries the admin token; throws 403 otherwise. */
    public void require(String authorization) {
        if (!matches(config.adminToken(), authorization)) {
            throw StoreException.forbidden(REFUSAL);
        }
    }

    static boolean matches(Optional<String> configured, String authorization) {
        if (configured.isEmpty() || configured.get().isBlank() || authorization == null) {
            return false;
        }
        String header = authorization.trim();
        if (header.length() < 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return false;
        }
        byte[] presented = sha256(header.substring(7).trim());
        byte[] expected = sha256(configured.get().trim());
        return MessageDigest.isEqual(presented, expected);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
