package dev.gofer.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.gofer.local.LocalStack;
import dev.gofer.sdk.GoferClient;
import dev.gofer.testsupport.KafkaTestClient;

/**
 * One real stack per test JVM: a KRaft broker, PostgreSQL, api, store and trigger services and two scheduler
 * workers, each service a separate process started from its built jar, on random ports (never colliding with a
 * local stack a developer has running). Closed when the JVM exits.
 */
final class Stack {

    static final int WORKERS = 2;
    private static LocalStack stack;
    private static final AtomicInteger IDS = new AtomicInteger();

    private Stack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path repo = Path.of(System.getProperty("gofer.repo.root", "..")).toAbsolutePath().normalize();
            stack = LocalStack.builder().repoRoot(repo).stateDir(repo.resolve("e2e-tests/target/e2e-stack"))
                    .randomPorts().fresh().schedulers(WORKERS).schedulerNetworkMode("host")
                    .workerIdPrefix("e2e-worker-")
                    .env(LocalStack.Service.TRIGGER, "GOFER_TRIGGER_INTERVAL_MIN_EVERY", "1s")
                    .readyTimeout(Duration.ofMinutes(3)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "e2e-stack-stop"));
        }
        return stack;
    }

    static GoferClient api() {
        return GoferClient.create(get().apiUrl());
    }

    static KafkaTestClient kafka() {
        return new KafkaTestClient(get().kafkaBootstrap());
    }

    /** A pipeline id no other test uses. */
    static String pipelineId(String prefix) {
        return prefix + "-" + IDS.incrementAndGet();
    }

    /** A plain HTTP call to one of the services, as curl would make it. */
    static HttpResponse<String> http(String method, String url, String contentType, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        }
    }
}
