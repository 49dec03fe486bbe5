package dev.gofer.support.auth;

import java.util.Optional;

/**
 * Where a service finds what a presented token may do, by the token's SHA-256 (hex). api-service reads its own
 * tables; the others hold the view api-service publishes. Each service provides exactly one bean.
 */
public interface TokenDirectory {

    Optional<TokenGrant> byHash(String sha256Hex);

    /**
     * Whether the directory is ready to answer (a view that is still catching up is not: it would call a fresh
     * token unknown). Requests are answered 503 until it is.
     */
    default boolean ready() {
        return true;
    }
}
