package dev.gofer.sdk;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-test HTTP server answering canned bodies per "METHOD path" (several answers are served in turn, the last one
 * repeats) and recording every request. Event-stream answers are sent chunked and either end (like a dropped or
 * finished stream) or stay open until the server is closed.
 */
final class FakeApi implements AutoCloseable {

    record Canned(int status, String contentType, byte[] body, boolean holdOpen) {
        Canned(int status, String contentType, String body, boolean holdOpen) {
            this(status, contentType, body.getBytes(StandardCharsets.UTF_8), holdOpen);
        }
    }

    /** A request; {@code bytes} is the raw body, {@code body} the same as UTF-8 text ({@code null} for a raw route). */
    record Recorded(String method, String path, String query, Map<String, List<String>> headers, byte[] bytes) {

        String body() {
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
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
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Map<String, Deque<Canned>> routes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, HttpHandler> rawRoutes = new ConcurrentHashMap<>();

    FakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeApi on(String method, String path, int status, String body) {
        return on(method, path, status, "application/json", body);
    }

    FakeApi on(String method, String path, int status, String contentType, String body) {
        routes.put(method + " " + path, new ArrayDeque<>(List.of(new Canned(status, contentType, body, false))));
        return this;
    }

    /** Answers {@code method path} with raw bytes. */
    FakeApi onBytes(String method, String path, int status, String contentType, byte[] body) {
        routes.put(method + " " + path, new ArrayDeque<>(List.of(new Canned(status, contentType, body, false))));
        return this;
    }

    /**
     * Lets {@code handler} answer {@code method path} on its own, request body included (recorded without a body),
     * e.g. to read or write a body step by step.
     */
    FakeApi onExchange(String method, String path, HttpHandler handler) {
        rawRoutes.put(method + " " + path, handler);
        return this;
    }

    /** Answers {@code GET path} with the event-stream bodies in turn (the last repeats); each ends its connection. */
    FakeApi onStream(String path, String... bodies) {
        Deque<Canned> answers = new ArrayDeque<>();
        for (String body : bodies) {
            answers.add(new Canned(200, "text/event-stream", body, false));
        }
        routes.put("GET " + path, answers);
        return this;
    }

    /** Answers {@code GET path} with an event stream that sends {@code body} and then stays open. */
    FakeApi onOpenStream(String path, String body) {
        routes.put("GET " + path, new ArrayDeque<>(List.of(new Canned(200, "text/event-stream", body, true))));
        return this;
    }

    /** Answers {@code method path} with {@code answers} in turn, repeating the last one. */
    FakeApi onSequence(String method, String path, Canned... answers) {
        routes.put(method + " " + path, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    /** An event-stream answer that sends {@code body} and ends the connection. */
    static Canned stream(String body) {
        return new Canned(200, "text/event-stream", body, false);
    }

    /** A 204 answer: for an event stream, "stop reconnecting". */
    static Canned noContent() {
        return new Canned(204, "text/plain", "", false);
    }

    /** Answers {@code method path} with the statuses in turn (empty bodies), e.g. 503 then 204. */
    FakeApi onStatuses(String method, String path, int... statuses) {
        Deque<Canned> answers = new ArrayDeque<>();
        for (int status : statuses) {
            answers.add(new Canned(status, "text/plain", "", false));
        }
        routes.put(method + " " + path, answers);
        return this;
    }

    List<Recorded> requests() {
        return requests;
    }

    List<Recorded> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        HttpHandler raw = rawRoutes.get(method + " " + path);
        byte[] body = raw == null ? exchange.getRequestBody().readAllBytes() : null;
        requests.add(new Recorded(method, path, exchange.getRequestURI().getQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        if (raw != null) {
            raw.handle(exchange);
            return;
        }
        Canned canned = next(method + " " + path);
        byte[] bytes = canned.body();
        exchange.getResponseHeaders().add("Content-Type", canned.contentType());
        boolean stream = canned.contentType().equals("text/event-stream");
        if (canned.status() == 204 || (bytes.length == 0 && !stream)) {
            exchange.sendResponseHeaders(canned.status(), -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(canned.status(), stream ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
            out.flush();
            if (canned.holdOpen()) {
                closed.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away
        }
    }

    private Canned next(String key) {
        Deque<Canned> answers = routes.get(key);
        if (answers == null) {
            return new Canned(404, "application/problem+json",
                    "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no route " + key + "\"}", false);
        }
        synchronized (answers) {
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
