package dev.gofer.store.auth;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

import dev.gofer.testsupport.GoferInfraResource;
import dev.gofer.testsupport.auth.BearerTokens;
import dev.gofer.testsupport.auth.PublishedGrants;

/**
 * Before each test of store-service: RestAssured sends the test admin token (its grant published by
 * {@link GoferInfraResource} before the service starts) on requests that carry no Authorization header.
 */
public class AdminTokenForTests implements QuarkusTestBeforeEachCallback {

    private static PublishedGrants.Tokens tokens;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        BearerTokens.install(() -> GoferInfraResource.TEST_ADMIN_TOKEN);
    }

    /** Published grants, each awaited until store-service knows it (probed on an admin-only route). */
    public static synchronized PublishedGrants.Tokens tokens() {
        if (tokens == null) {
            tokens = PublishedGrants.forServiceUnderTest("/api/secrets/global", GoferInfraResource.TEST_ADMIN_TOKEN);
        }
        return tokens;
    }
}
