package dev.gofer.api.frontdoor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.gofer.testsupport.GoferInfraResource;

/**
 * The front door forwards store and trigger routes as they are: method, path, query, body and the caller's
 * Authorization go through; status, headers and body come back. A service that stands in for store-service records
 * what arrives; trigger-service is absent, so its routes answer 502.
 */
@QuarkusTest
@TestProfile(FrontDoorTest.StubbedServices.class)
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "api"))
class FrontDoorTest {

    record Seen(String method, String uri, String authorization, String body) {
    }

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    static final int STORE_PORT = freePort();
    static final int CLOSED_PORT = freePort();

    static {
        try {
            HttpServer store = HttpServer.create(new InetSocketAddress("127.0.0.1", STORE_PORT), 0);
            store.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                SEEN.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
                byte[] answer = ("{\"echo\":\"" + body + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("X-Store", "yes");
                exchange.sendResponseHeaders(201, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            store.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static class StubbedServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gofer.api.store-service-url", "http://127.0.0.1:" + STORE_PORT,
                    "gofer.api.trigger-service-url", "http://127.0.0.1:" + CLOSED_PORT);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldForwardStoreRouteWithTokenBodyAndQueryAndRelayTheAnswer() {
        SEEN.clear();

        given().header("Authorization", "Bearer caller-token").contentType("application/octet-stream")
                .body("bytes-in".getBytes(StandardCharsets.UTF_8))
                .post("/api/namespaces/default/pipelines/p/objects/k?force=true").then()
                .statusCode(201).header("X-Store", "yes").body("echo", equalTo("bytes-in"));
        given().header("Authorization", "Bearer caller-token").get("/api/secrets/global/db").then().statusCode(201);
        given().header("Authorization", "Bearer caller-token")
                .get("/api/namespaces/default/pipelines/p/runs/3/objects").then().statusCode(201);

        assertThat(SEEN).containsExactly(
                new Seen("POST", "/api/namespaces/default/pipelines/p/objects/k?force=true", "Bearer caller-token",
                        "bytes-in"),
                new Seen("GET", "/api/secrets/global/db", "Bearer caller-token", ""),
                new Seen("GET", "/api/namespaces/default/pipelines/p/runs/3/objects", "Bearer caller-token", ""));
    }

    @Test
    void shouldKeepApiRoutesOfItsOwnWhenPathsAreNotStoreOrTrigger() {
        SEEN.clear();

        given().get("/api/namespaces/default/pipelines/p/runs/3").then().statusCode(404)
                .contentType("application/problem+json");

        assertThat(SEEN).isEmpty();
    }

    @Test
    void shouldAnswer502ProblemWhenServiceBehindIsUnreachable() {
        given().get("/api/namespaces/default/pipelines/p/subscriptions").then().statusCode(502)
                .contentType("application/problem+json")
                .body("detail", equalTo("trigger-service is unreachable; try again shortly"))
                .body("instance", containsString("/subscriptions"));
    }
}
