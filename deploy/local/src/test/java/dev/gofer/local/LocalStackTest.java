package dev.gofer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

import dev.gofer.local.LocalStack.Service;

/** The launcher with stand-in services (a tiny HTTP server per process) on a real Kafka and PostgreSQL. */
class LocalStackTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldStartEveryServiceWithItsEnvironmentWhenTheJarsAreBuilt() throws Exception {
        Path repo = fakeRepo();
        Path state = TestDirs.fresh("stack");
        LocalStack stack = LocalStack.builder().repoRoot(repo).stateDir(state).randomPorts().schedulers(2)
                .javaOptions("-Xmx32m", "-XX:TieredStopAtLevel=1").env(Service.TRIGGER, "EXTRA", "yes").start();
        try (stack) {
            assertThat(stack.serviceNames()).containsExactly("api-service", "store-service", "trigger-service",
                    "scheduler-service-1", "scheduler-service-2");
            assertThat(stack.apiUrl()).isNotEqualTo("http://localhost:" + LocalStack.DEFAULT_API_PORT);
            Keys keys = Keys.loadOrCreate(state.resolve("keys.env"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("keys.env"))))
                    .isEqualTo("rw-------");

            String api = stack.apiUrl();
            assertThat(env(api, "KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(stack.kafkaBootstrap());
            assertThat(env(api, "QUARKUS_HTTP_PORT")).isEqualTo(api.substring(api.lastIndexOf(':') + 1));
            assertThat(env(api, "QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo(stack.jdbcUrl());
            assertThat(env(api, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo("postgres");
            assertThat(env(api, "GOFER_API_URL")).isEqualTo(api);
            assertThat(env(api, "GOFER_TRANSIT_KEY")).isEqualTo(keys.transitKey());
            assertThat(env(api, "GOFER_API_STORE_SERVICE_URL")).isEqualTo(stack.storeUrl().replace("localhost",
                    "127.0.0.1"));
            assertThat(env(stack.storeUrl(), "GOFER_TRANSIT_KEY")).isEqualTo(keys.transitKey());
            assertThat(env(stack.storeUrl(), "GOFER_STORE_ENCRYPTION_KEY")).isEqualTo(keys.storeEncryptionKey());
            assertThat(env(stack.triggerUrl(), "EXTRA")).isEqualTo("yes");
            assertThat(env(stack.triggerUrl(), "QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo(stack.jdbcUrl());
            assertThat(env(stack.schedulerUrl(2), "GOFER_SCHEDULER_WORKER_ID")).isEqualTo("worker-2");
            assertThat(env(stack.schedulerUrl(2), "GOFER_SCHEDULER_NETWORK_MODE")).isEqualTo("host");
            assertThat(env(stack.schedulerUrl(2), "GOFER_TRANSIT_KEY")).isEqualTo(keys.transitKey());
            assertThat(env(stack.schedulerUrl(2), "QUARKUS_DATASOURCE_JDBC_URL")).isEmpty();
            assertThat(Files.readString(stack.logFile("scheduler-service-1"))).contains("fake service started");
            assertThat(stack.describe()).contains("API_URL=" + api).contains("SCHEDULER_SERVICE_2_PID=")
                    .doesNotContain(keys.transitKey()).doesNotContain(FakeService.TOKEN);
            // The admin token from the API's one-time bootstrap, kept owner-only for bin/gofer.
            assertThat(stack.adminToken()).isEqualTo(FakeService.TOKEN);
            assertThat(Keys.apiToken(state.resolve("keys.env"))).isEqualTo(FakeService.TOKEN);

            stack.kill("scheduler-service-2");
            assertThat(stack.isRunning("scheduler-service-2")).isFalse();
            stack.start("scheduler-service-2");
            assertThat(env(stack.schedulerUrl(2), "GOFER_SCHEDULER_WORKER_ID")).isEqualTo("worker-2");

            stack.stop(LocalStack.API);
            assertThat(stack.isRunning(LocalStack.API)).isFalse();
            assertThat(stack.isRunning(LocalStack.STORE)).isTrue();
        }
        assertThat(stack.serviceNames()).noneMatch(stack::isRunning);
        stack.close();
    }

    @Test
    void shouldFailWithTheServiceLogWhenAServiceExitsBeforeItIsReady() throws Exception {
        Path repo = fakeRepo();
        Path state = TestDirs.fresh("stack-fail");

        assertThatThrownBy(() -> LocalStack.builder().repoRoot(repo).stateDir(state).randomPorts()
                .javaOptions("-Xmx32m").env(Service.TRIGGER, "FAKE_EXIT", "3").start())
                .isInstanceOfSatisfying(LocalStackException.class,
                        e -> assertThat(e.failedService()).isEqualTo("trigger-service"))
                .hasMessageContaining("trigger-service exited with code 3")
                .hasMessageContaining("fake failure: exiting with 3");

        try (LocalInfra again = LocalInfra.builder().stateDir(state).randomPorts().start()) {
            assertThat(again.jdbcUrl()).endsWith("/gofer");
        }
    }

    @Test
    void shouldAskToBuildFirstWhenAServiceJarIsMissing() {
        Path emptyRepo = TestDirs.fresh("empty-repo");

        assertThatThrownBy(() -> LocalStack.builder().repoRoot(emptyRepo).randomPorts().start())
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("api-service/target/quarkus-app/quarkus-run.jar")
                .hasMessageContaining("scheduler-service/target/quarkus-app/quarkus-run.jar")
                .hasMessageContaining("Build first");
        assertThat(emptyRepo.resolve(".gofer-local")).doesNotExist();
    }

    private String env(String url, String name) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/env?" + name))
                .timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A repo whose four services are {@link FakeService} jars. */
    private static Path fakeRepo() throws IOException {
        Path repo = TestDirs.fresh("fake-repo");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
            bytes = in.readAllBytes();
        }
        for (Service service : Service.values()) {
            Path jar = repo.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                out.putNextEntry(new JarEntry(entry));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return repo;
    }
}
