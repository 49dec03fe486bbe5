package dev.gofer.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Quarkus service in launcher tests (packed into a fake {@code quarkus-run.jar}): answers
 * {@code /q/health/ready} on {@code QUARKUS_HTTP_PORT} and shows one environment variable at {@code /env?NAME}.
 * The first {@code POST /api/tokens/bootstrap} answers 201 with {@value #TOKEN}, later ones 409, as api-service does.
 * With {@code FAKE_EXIT=<code>} it prints a line and exits at once.
 */
final class FakeService {

    static final String TOKEN = "fake-bootstrap-token";
    private static final AtomicBoolean BOOTSTRAPPED = new AtomicBoolean();

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        String exit = System.getenv("FAKE_EXIT");
        if (exit != null) {
            System.out.println("fake failure: exiting with " + exit);
            System.exit(Integer.parseInt(exit));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv(
                "QUARKUS_HTTP_PORT"))), 0);
        server.createContext("/q/health/ready", ex -> respond(ex, 200, "{\"status\":\"UP\"}"));
        server.createContext("/api/tokens/bootstrap", ex -> respond(ex, BOOTSTRAPPED.compareAndSet(false, true)
                ? 201
                : 409, "{\"secret\":\"" + TOKEN + "\",\"token\":{\"id\":\"f00\"}}"));
        server.createContext("/env", ex -> respond(ex, 200, System.getenv().getOrDefault(ex.getRequestURI().getQuery(),
                "")));
        server.start();
        System.out.println("fake service started");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
