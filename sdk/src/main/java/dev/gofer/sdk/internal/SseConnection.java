package dev.gofer.sdk.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One open {@code text/event-stream} response, read line by line. Lines are pushed by the HTTP client into a bounded
 * buffer (back-pressure through the subscription) and pulled by the caller with an optional wait limit, so a caller
 * can stop on silence or on interruption, and {@link #close()} drops the connection at any time.
 */
public final class SseConnection implements AutoCloseable {

    private static final int PREFETCH = 64;
    private static final Object END = new Object();

    private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Void>> response;
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    private final CompletableFuture<String> errorBody = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean ended;

    private SseConnection(HttpClient http, HttpRequest request) {
        this.response = http.sendAsync(request, this::subscriber);
    }

    /**
     * Sends {@code request} and waits for the response headers.
     *
     * @return the connection and its HTTP status; for a status other than 2xx the body is available from
     *         {@link #errorBody()} and no lines are delivered
     * @throws IOException if the server cannot be reached or the connection fails before the headers
     */
    public static SseConnection open(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        SseConnection connection = new SseConnection(http, request);
        try {
            CompletableFuture.anyOf(connection.status, connection.response).get();
        } catch (ExecutionException e) {
            connection.close();
            throw asIoException(e.getCause());
        } catch (InterruptedException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** The HTTP status code of the response. */
    public int status() {
        return status.getNow(0);
    }

    /** The whole body of an error response (other than 2xx), waiting for it to arrive. */
    public String errorBody() throws IOException, InterruptedException {
        try {
            CompletableFuture.anyOf(errorBody, response).get();
            return errorBody.getNow("");
        } catch (ExecutionException e) {
            throw asIoException(e.getCause());
        }
    }

    /**
     * The next line without its terminator, or {@code null} once the server has ended the stream.
     *
     * @param wait how long to wait for a line, {@code null} for as long as it takes
     * @throws TimeoutException if no line arrived within {@code wait}
     * @throws IOException if the connection broke
     */
    public String nextLine(Duration wait) throws IOException, InterruptedException, TimeoutException {
        if (ended) {
            return null;
        }
        Object item = wait == null ? lines.take() : lines.poll(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
        if (item == null) {
            throw new TimeoutException("no data for " + wait);
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof Throwable failure) {
            ended = true;
            throw asIoException(failure);
        }
        Flow.Subscription current = subscription;
        if (current != null) {
            current.request(1);
        }
        return (String) item;
    }

    /** Drops the connection (idempotent). */
    @Override
    public void close() {
        ended = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        response.cancel(true);
    }

    private HttpResponse.BodySubscriber<Void> subscriber(HttpResponse.ResponseInfo info) {
        int code = info.statusCode();
        if (code / 100 != 2) {
            status.complete(code);
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                    body -> {
                        errorBody.complete(body);
                        return null;
                    });
        }
        status.complete(code);
        return HttpResponse.BodySubscribers.fromLineSubscriber(new LineSink(), sink -> null, StandardCharsets.UTF_8,
                null);
    }

    private static IOException asIoException(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof CancellationException) {
            return new IOException("the connection was closed", cause);
        }
        return new IOException(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(),
                cause);
    }

    private final class LineSink implements Flow.Subscriber<String> {

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (ended) {
                s.cancel();
            } else {
                s.request(PREFETCH);
            }
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable failure) {
            lines.add(failure);
            errorBody.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            lines.add(END);
        }
    }
}
