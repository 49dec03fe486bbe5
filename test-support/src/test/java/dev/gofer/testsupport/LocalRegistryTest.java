package dev.gofer.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The fixture against the real docker-registry binary and the real Docker engine. */
class LocalRegistryTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldAdmitOnlyItsUserWhenClientsAskForTheApi() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start("alice", "right-password")) {
            assertThat(registry.host()).isEqualTo("localhost:" + registry.port());

            assertThat(get(registry, "/v2/", null).statusCode()).isEqualTo(401);
            assertThat(get(registry, "/v2/", "alice:wrong-password").statusCode()).isEqualTo(401);
            assertThat(get(registry, "/v2/", "alice:right-password").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldServePushedImageAndDropItsLocalTagWhenPushed() throws Exception {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        try (LocalRegistry registry = LocalRegistry.start()) {
            String reference = registry.push(LocalImages.BUSYBOX, "gofer-test/busybox:" + tag);

            assertThat(reference).isEqualTo(registry.host() + "/gofer-test/busybox:" + tag);
            HttpResponse<String> tags = get(registry, "/v2/gofer-test/busybox/tags/list",
                    registry.user() + ":" + registry.password());
            assertThat(tags.statusCode()).isEqualTo(200);
            assertThat(tags.body()).contains("\"" + tag + "\"");
            assertThat(dockerImageInspect(reference)).as("the pushed tag is gone from the engine").isNotZero();
            assertThat(dockerImageInspect(LocalImages.BUSYBOX)).as("the source image is kept").isZero();
        }
    }

    @Test
    void shouldStopServingWhenClosed() throws Exception {
        LocalRegistry registry = LocalRegistry.start();
        registry.close();

        assertThatThrownBy(() -> get(registry, "/v2/", null)).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> registry.push(LocalImages.BUSYBOX, "gofer-test/busybox:closed"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static HttpResponse<String> get(LocalRegistry registry, String path, String userAndPassword)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + registry.port() + path))
                .timeout(Duration.ofSeconds(5));
        if (userAndPassword != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int dockerImageInspect(String image) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("docker", "image", "inspect", image).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
