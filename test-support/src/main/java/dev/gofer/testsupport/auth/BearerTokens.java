package dev.gofer.testsupport.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Tokens for tests that call a service's routes: every service checks a bearer token on every route, so a test that
 * is about something else sends a valid admin token without saying so. {@link #install} makes RestAssured add
 * {@code Authorization: Bearer <token>} to each request that has no {@code Authorization} header of its own; tests of
 * the checks themselves send their own header (or use a plain HTTP client). Nothing is bypassed in the service.
 */
public final class BearerTokens {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
    private static volatile Supplier<String> source;

    private BearerTokens() {
    }

    /** From now on, RestAssured requests without an Authorization header carry the token {@code token} supplies. */
    public static void install(Supplier<String> token) {
        source = token;
        if (INSTALLED.compareAndSet(false, true)) {
            Filter filter = (request, response, context) -> {
                if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                    request.header("Authorization", "Bearer " + source.get());
                }
                return context.next(request, response);
            };
            RestAssured.filters(filter);
        }
    }

    /**
     * Makes the installation's bootstrap (admin) token with {@code POST <base>/api/tokens/bootstrap} and answers its
     * secret; fails when the bootstrap was made already.
     */
    public static String bootstrap(URI base) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("/api/tokens/bootstrap"))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher secret = SECRET.matcher(response.body());
            if (response.statusCode() != 201 || !secret.find()) {
                throw new IllegalStateException("bootstrap at " + base + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return secret.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("bootstrap at " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
