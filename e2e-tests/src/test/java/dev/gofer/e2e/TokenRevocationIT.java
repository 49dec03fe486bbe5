package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.gofer.sdk.CreatedToken;
import dev.gofer.sdk.GoferClient;

/**
 * Disabling a token takes effect on every service: api-service at once (its own tables), store-service and
 * trigger-service as soon as the published grant reaches them; the design allows 5 s, the figure is printed.
 */
class TokenRevocationIT {

    private final GoferClient api = Stack.api();

    @Test
    void shouldRefuseDisabledTokenOnEveryServiceWithinFiveSeconds() throws Exception {
        CreatedToken viewer = api.createToken("revoked-viewer", List.of("default"), List.of("viewer"), null, null);
        String bearer = "Bearer " + viewer.secret();
        String pipeline = Stack.get().apiUrl() + "/api/namespaces/default/pipelines/revocation";
        String[] urls = {Stack.get().apiUrl() + "/api/namespaces", pipeline + "/secrets", pipeline + "/subscriptions"};
        for (String url : urls) {
            awaitStatus(url, bearer, 200, "before");
        }

        long disabledAt = System.nanoTime();
        api.setTokenDisabled(viewer.token().id(), true);

        StringBuilder figures = new StringBuilder("revocation seen after:");
        for (String url : urls) {
            long ms = awaitStatus(url, bearer, 401, "after") - disabledAt;
            figures.append(' ').append(url.substring(url.lastIndexOf('/') + 1)).append(' ')
                    .append(ms / 1_000_000).append(" ms");
        }
        System.out.println(figures);
    }

    /** Calls {@code url} until it answers {@code status}, for at most 5 s; the time it did. */
    private static long awaitStatus(String url, String bearer, int status, String when) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int last;
        do {
            last = Stack.http("GET", url, null, null, bearer).statusCode();
            if (last == status) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertThat(last).as("GET %s %s disabling", url, when).isEqualTo(status);
        return System.nanoTime();
    }
}
