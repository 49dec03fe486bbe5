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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-test Gofer API: canned answers per "METHOD path" (several answers are served in turn, the last one repeats)
 * and a record of every request. Event-stream answers are sent chunked and end the connection after their body (a
 * body without {@code event: end} is a cut stream).
 */
final class FakeApi implements AutoCloseable {

    record Canned(int status, String contentType, byte[] body) {
        Canned(int status, String contentType, String body) {
            this(status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A request; {@code bytes} is the raw body, {@link #body()} the same as UTF-8 text. */
    record Recorded(String method, String path, String query, Map<String, List<String>> headers, byte[] bytes) {

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.entrySet()
                    .stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Canned>> routes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    FakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
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

    /** Answers {@code method path} with raw bytes. */
    FakeApi onBytes(String method, String path, int status, String contentType, byte[] body) {
        routes.put(method + " " + path, new ArrayDeque<>(List.of(new Canned(status, contentType, body))));
        return this;
    }

    /** Answers {@code method path} with an empty body and {@code status} (e.g. 204). */
    FakeApi onStatus(String method, String path, int status) {
        return onText(method, path, status, "text/plain", "");
    }

    /** Answers {@code GET path} with the event-stream bodies in turn (the last repeats); each ends its connection. */
    FakeApi onStream(String path, String... bodies) {
        Deque<Canned> answers = new ArrayDeque<>();
        for (String body : bodies) {
            answers.add(new Canned(200, "text/event-stream", body));
        }
        routes.put("GET " + path, answers);
        return this;
    }

    /** Answers {@code GET path} with an event stream of {@code body}, then with 204 ("stop reconnecting"). */
    FakeApi onStreamThenStop(String path, String body) {
        routes.put("GET " + path, new ArrayDeque<>(List.of(new Canned(200, "text/event-stream", body),
                new Canned(204, "text/plain", ""))));
        return this;
    }

    List<Recorded> requests() {
        return requests;
    }

    List<Recorded> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        String key = exchange.getRequestMethod() + " " + path;
        requests.add(new Recorded(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Canned canned = next(key);
        byte[] bytes = canned.body();
        exchange.getResponseHeaders().add("Content-Type", canned.contentType());
        boolean stream = canned.contentType().equals("text/event-stream");
        if (bytes.length == 0 && !stream) {
            exchange.sendResponseHeaders(canned.status(), -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(canned.status(), stream ? 0 : bytes.length);
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
        executor.shutdownNow();
    }
}
