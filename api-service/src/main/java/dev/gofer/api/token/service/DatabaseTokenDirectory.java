package dev.gofer.api.token.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.gofer.support.auth.TokenDirectory;
import dev.gofer.support.auth.TokenGrant;

/** api-service finds tokens in its own tables, on every request: a change is in effect at once. */
@ApplicationScoped
public class DatabaseTokenDirectory implements TokenDirectory {

    @Inject
    TokenService tokens;

    @Override
    public Optional<TokenGrant> byHash(String sha256Hex) {
        return tokens.grant(sha256Hex);
    }
}
