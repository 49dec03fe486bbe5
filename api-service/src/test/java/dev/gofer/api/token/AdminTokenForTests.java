package dev.gofer.api.token;

import java.net.URI;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

import dev.gofer.testsupport.auth.BearerTokens;

/**
 * Before each test of api-service: RestAssured sends the admin token (made once per test JVM by the real bootstrap
 * route; every test class shares database {@code api}) on requests that carry no Authorization header.
 */
public class AdminTokenForTests implements QuarkusTestBeforeEachCallback {

    private static volatile String admin;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        BearerTokens.install(AdminTokenForTests::admin);
    }

    /** The bootstrap token of the test database. */
    public static synchronized String admin() {
        if (admin == null) {
            admin = BearerTokens.bootstrap(URI.create("http://localhost:" + RestAssured.port));
        }
        return admin;
    }
}
