package dev.gofer.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-test Gofer API: canned answers per "METHOD path" (several answers are served in turn, the last one repeats)
 * and a record of every request.
 */
final class FakeApi implements AutoCloseable {

    record Canned(int status, String contentType, String body) {
    }

    record Recorded(String method, String path, String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Canned>> routes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    FakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} with {@code bodies} in turn (JSON), repeating the last one. */
    FakeApi on(String method, String path, int status, String... bodies) {
        Deque<Canned> answers = new ArrayDeque<>();
        for (String body : bodies) {
            answers.add(new Canned(status, "application/json", body));
        }
        routes.put(method + " " + path, answers);
        return this;
    }

    FakeApi onText(String method, String path, int status, String contentType, String body) {
        routes.put(method + " " + path, new ArrayDeque<>(List.of(new Canned(status, contentType, body))));
        return this;
    }

    List<Recorded> requests() {
        return requests;
    }

    List<Recorded> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), body));
        Canned canned = next(key);
        byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", canned.contentType());
        exchange.sendResponseHeaders(canned.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Canned next(String key) {
        Deque<Canned> answers = routes.get(key);
        if (answers == null) {
            return new Canned(404, "application/problem+json",
                    "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no fake route for " + key + "\"}");
        }
        synchronized (answers) {
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
