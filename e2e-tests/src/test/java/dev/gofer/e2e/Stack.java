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
import dev.gofer.sdk.GoferStoreClient;
import dev.gofer.testsupport.KafkaTestClient;

/**
 * One real stack per test JVM: a KRaft broker, PostgreSQL, api, store and trigger services and two scheduler
 * workers, each service a separate process started from its built jar, on random ports (never colliding with a
 * local stack a developer has running). Closed when the JVM exits.
 */
final class Stack {

    static final int WORKERS = 2;
    /** Worker ids of this test run: fresh each run, so no worker adopts a container an aborted run left behind. */
    static final String WORKER_PREFIX = "e2e-" + Long.toString(System.currentTimeMillis(), 36) + "-worker-";
    private static LocalStack stack;
    private static final AtomicInteger IDS = new AtomicInteger();
    /** A running e2e container older than this is a leftover of an aborted run. */
    private static final Duration LEFTOVER_AGE = Duration.ofMinutes(15);
    /** How long the workers keep an exited container before removing it. */
    static final Duration KEEP_EXITED = Duration.ofSeconds(10);

    private Stack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path repo = Path.of(System.getProperty("gofer.repo.root", "..")).toAbsolutePath().normalize();
            removeContainersOfEarlierRuns();
            stack = LocalStack.builder().repoRoot(repo).stateDir(repo.resolve("e2e-tests/target/e2e-stack"))
                    .randomPorts().fresh().schedulers(WORKERS).schedulerNetworkMode("host")
                    .workerIdPrefix(WORKER_PREFIX)
                    .env(LocalStack.Service.TRIGGER, "GOFER_TRIGGER_INTERVAL_MIN_EVERY", "1s")
                    // Exited containers are kept (redelivery protection) for 10 s instead of 2 min.
                    .env(LocalStack.Service.SCHEDULER, "GOFER_SCHEDULER_KEEP_EXITED", KEEP_EXITED.toSeconds() + "s")
                    .env(LocalStack.Service.SCHEDULER, "GOFER_SCHEDULER_REAP_INTERVAL", "2s")
                    .readyTimeout(Duration.ofMinutes(3)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "e2e-stack-stop"));
        }
        return stack;
    }

    /**
     * Containers that workers of an earlier, aborted e2e run left behind (their labels say so): those that have exited,
     * and running ones older than {@link #LEFTOVER_AGE}. A younger running one may belong to another e2e run on the
     * same engine right now, and is left alone.
     */
    private static void removeContainersOfEarlierRuns() {
        try {
            Process ps = new ProcessBuilder("docker", "ps", "-a", "--filter", "label=gofer.worker", "--format",
                    "{{.ID}}|{{.Label \"gofer.worker\"}}|{{.State}}|{{.CreatedAt}}").redirectErrorStream(true).start();
            String out = new String(ps.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            ps.waitFor();
            for (String line : out.lines().toList()) {
                String[] parts = line.trim().split("\\|", 4);
                if (parts.length == 4 && parts[1].startsWith("e2e-")
                        && (!"running".equals(parts[2]) || olderThan(parts[3], LEFTOVER_AGE))) {
                    new ProcessBuilder("docker", "rm", "-f", parts[0]).redirectErrorStream(true).start().waitFor();
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot list containers with the docker CLI", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Docker's {@code CreatedAt}, e.g. {@code 2026-11-28 12:47:11 +0000 UTC}; unreadable counts as old. */
    private static boolean olderThan(String createdAt, Duration age) {
        try {
            String[] f = createdAt.trim().split(" ");
            java.time.OffsetDateTime created = java.time.OffsetDateTime.parse(f[0] + "T" + f[1] + f[2],
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx"));
            return created.toInstant().isBefore(java.time.Instant.now().minus(age));
        } catch (RuntimeException e) {
            return true;
        }
    }

    static GoferClient api() {
        return GoferClient.builder(get().apiUrl()).token(get().adminToken()).build();
    }

    /** The store's routes, through the front door with the stack's admin token. */
    static GoferStoreClient store() {
        return GoferStoreClient.builder(get().apiUrl()).token(get().adminToken()).build();
    }

    static KafkaTestClient kafka() {
        return new KafkaTestClient(get().kafkaBootstrap());
    }

    /** A pipeline id no other test uses. */
    static String pipelineId(String prefix) {
        return prefix + "-" + IDS.incrementAndGet();
    }

    /** A plain HTTP call to one of the services, as curl would make it, with the stack's admin token. */
    static HttpResponse<String> http(String method, String url, String contentType, String body) {
        return http(method, url, contentType, body, "Bearer " + get().adminToken());
    }

    /** A plain HTTP call with this {@code Authorization} header ({@code null}: none). */
    static HttpResponse<String> http(String method, String url, String contentType, String body,
            String authorization) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
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
