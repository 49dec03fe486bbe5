package dev.gofer.scheduler.container.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.gofer.scheduler.container.ContainerRuntimeException;
import dev.gofer.scheduler.container.ContainerRuntimeException.Reason;
import dev.gofer.scheduler.container.ImageRef;
import dev.gofer.scheduler.container.RegistryCredentials;
import dev.gofer.testsupport.LocalImages;
import dev.gofer.testsupport.LocalRegistry;

/** Pulls from a real private registry on localhost (htpasswd auth) through the real Docker engine. */
class DockerContainerRuntimePullTest {

    private static final Duration PULL_TIMEOUT = Duration.ofMinutes(1);
    private static final String WRONG_PASSWORD = "not-the-registry-password";

    private static LocalRegistry registry;
    private static DockerContainerRuntime runtime;

    @BeforeAll
    static void start() {
        registry = LocalRegistry.start();
        runtime = new DockerContainerRuntime(DockerSettings.defaults());
    }

    @AfterAll
    static void stop() {
        runtime.close();
        registry.close(); // also removes the pulled tags from the engine
    }

    @Test
    void shouldPullPrivateImageWhenCredentialsAreRight() {
        ImageRef image = pushed("right");
        assertThat(runtime.imageExists(image)).isFalse();

        runtime.pull(image, Optional.of(rightCredentials()), PULL_TIMEOUT);

        assertThat(runtime.imageExists(image)).isTrue();
    }

    @Test
    void shouldRefuseAsUnauthorizedWithoutPasswordInMessageWhenPasswordIsWrong() {
        ImageRef image = pushed("wrong");

        ContainerRuntimeException e = pullFailure(runtime, image,
                Optional.of(new RegistryCredentials(registry.user(), WRONG_PASSWORD)),
                PULL_TIMEOUT);

        assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
        assertThat(e.getMessage()).startsWith("cannot pull image '" + image + "' as registry user '" + registry.user()
                + "': ").contains("unauthorized").doesNotContain(WRONG_PASSWORD, registry.password());
        assertThat(runtime.imageExists(image)).isFalse();
    }

    @Test
    void shouldRefuseAsUnauthorizedWhenNoCredentialsAreGiven() {
        ImageRef image = pushed("none");

        ContainerRuntimeException e = pullFailure(runtime, image, Optional.empty(), PULL_TIMEOUT);

        assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
        assertThat(e.getMessage()).startsWith("cannot pull image '" + image + "' without registry credentials: ")
                .contains("no basic auth credentials");
        assertThat(runtime.imageExists(image)).isFalse();
    }

    @Test
    void shouldSayTheRegistryIsUnreachableNotThatCredentialsAreMissingWhenNothingListens() {
        // Nothing listens on port 1: the engine cannot reach this registry at all.
        ImageRef image = ImageRef.parse("127.0.0.1:1/gofer-test/absent:1");

        ContainerRuntimeException e = pullFailure(runtime, image, Optional.empty(), PULL_TIMEOUT);

        System.out.println("unreachable registry: " + e.getMessage());
        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("cannot pull image '" + image + "': its registry is not reachable")
                .doesNotContain("credentials");
    }

    @Test
    void shouldNotBorrowTheHostsDockerLoginWhenNoCredentialsAreGiven() {
        ImageRef image = pushed("borrow"); // the push leaves a docker login for the registry in dockerConfig()
        String before = System.getProperty("DOCKER_CONFIG");
        System.setProperty("DOCKER_CONFIG", registry.dockerConfig().toString());
        try (DockerContainerRuntime logged = new DockerContainerRuntime(DockerSettings.defaults())) {
            ContainerRuntimeException e = pullFailure(logged, image, Optional.empty(), PULL_TIMEOUT);

            assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
        } finally {
            if (before == null) {
                System.clearProperty("DOCKER_CONFIG");
            } else {
                System.setProperty("DOCKER_CONFIG", before);
            }
        }
        assertThat(runtime.imageExists(image)).isFalse();
    }

    @Test
    void shouldReportNotFoundWhenTagIsNotInRegistry() {
        ImageRef image = ImageRef.parse(registry.reference("gofer-test/busybox:absent-" + unique()));

        ContainerRuntimeException e = pullFailure(runtime, image, Optional.of(rightCredentials()), PULL_TIMEOUT);

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.getMessage()).contains(image.reference()).contains("manifest unknown");
    }

    @Test
    void shouldReportTimeoutWhenPullIsNotDoneInTime() {
        // An absent tag: whatever the engine does after the client gave up leaves nothing behind.
        ImageRef image = ImageRef.parse(registry.reference("gofer-test/busybox:slow-" + unique()));

        ContainerRuntimeException e = pullFailure(runtime, image, Optional.of(rightCredentials()),
                Duration.ofMillis(1));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.getMessage()).contains(image.reference()).contains("not done within");
    }

    /** The exception the pull throws; fails the test when it does not throw one. */
    private static ContainerRuntimeException pullFailure(DockerContainerRuntime engine, ImageRef image,
            Optional<RegistryCredentials> credentials, Duration timeout) {
        ContainerRuntimeException e = catchThrowableOfType(ContainerRuntimeException.class,
                () -> engine.pull(image, credentials, timeout));
        assertThat(e).as("pull of %s must fail", image).isNotNull();
        return e;
    }

    private static RegistryCredentials rightCredentials() {
        return new RegistryCredentials(registry.user(), registry.password());
    }

    private static ImageRef pushed(String what) {
        return ImageRef.parse(registry.push(LocalImages.BUSYBOX, "gofer-test/busybox:" + what + "-" + unique()));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
