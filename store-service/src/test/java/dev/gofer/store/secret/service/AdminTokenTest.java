package dev.gofer.store.secret.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AdminTokenTest {

    private static final Optional<String> TOKEN = Optional.of("s3cret-admin-token");

    @Test
    void shouldAcceptBearerTokenWhenItEqualsTheConfiguredOne() {
        assertThat(AdminToken.matches(TOKEN, "Bearer s3cret-admin-token")).isTrue();
        assertThat(AdminToken.matches(TOKEN, "bearer  s3cret-admin-token ")).isTrue();
    }

    @Test
    void shouldRefuseWhenTokenIsMissingWrongOrNotBearer() {
        assertThat(AdminToken.matches(TOKEN, null)).isFalse();
        assertThat(AdminToken.matches(TOKEN, "")).isFalse();
        assertThat(AdminToken.matches(TOKEN, "Bearer ")).isFalse();
        assertThat(AdminToken.matches(TOKEN, "Bearer s3cret-admin-toke")).isFalse();
        assertThat(AdminToken.matches(TOKEN, "Bearer s3cret-admin-token2")).isFalse();
        assertThat(AdminToken.matches(TOKEN, "s3cret-admin-token")).isFalse();
        assertThat(AdminToken.matches(TOKEN, "Basic s3cret-admin-token")).isFalse();
    }

    @Test
    void shouldRefuseEveryoneWhenNoTokenIsConfigured() {
        assertThat(AdminToken.matches(Optional.empty(), "Bearer anything")).isFalse();
        assertThat(AdminToken.matches(Optional.of("  "), "Bearer   ")).isFalse();
        assertThat(AdminToken.matches(Optional.of(""), "Bearer ")).isFalse();
    }
}
