package dev.gofer.scheduler.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageRefTest {

    private static final String DIGEST = "sha256:" + "a".repeat(64);

    @Test
    void shouldDefaultTagToLatestWhenNoTagGiven() {
        ImageRef ref = ImageRef.parse("local/busybox");

        assertThat(ref.name()).isEqualTo("local/busybox");
        assertThat(ref.tag()).isEqualTo("latest");
        assertThat(ref.digestOpt()).isEmpty();
        assertThat(ref.reference()).isEqualTo("local/busybox:latest");
        assertThat(ref.registryHost()).isEmpty();
    }

    @Test
    void shouldDetectRegistryHostWhenFirstComponentHasDotOrPort() {
        assertThat(ImageRef.parse("registry.example.com/team/app:1.2").registryHost())
                .contains("registry.example.com");
        assertThat(ImageRef.parse("localhost:5000/app").registryHost()).contains("localhost:5000");
        assertThat(ImageRef.parse("localhost/app").registryHost()).contains("localhost");
        assertThat(ImageRef.parse("library/ubuntu:22.04").registryHost()).isEmpty();
        assertThat(ImageRef.parse("ubuntu").registryHost()).isEmpty();
    }

    @Test
    void shouldKeepPortAndTagApartWhenRegistryHasPort() {
        ImageRef ref = ImageRef.parse("localhost:5000/team/app:v2");

        assertThat(ref.name()).isEqualTo("localhost:5000/team/app");
        assertThat(ref.tag()).isEqualTo("v2");

        ImageRef untagged = ImageRef.parse("localhost:5000/team/app");
        assertThat(untagged.name()).isEqualTo("localhost:5000/team/app");
        assertThat(untagged.tag()).isEqualTo("latest");
    }

    @Test
    void shouldKeepDigestWithoutDefaultTagWhenOnlyDigestGiven() {
        ImageRef ref = ImageRef.parse("ghcr.io/org/app@" + DIGEST);

        assertThat(ref.tagOpt()).isEmpty();
        assertThat(ref.digest()).isEqualTo(DIGEST);
        assertThat(ref.reference()).isEqualTo("ghcr.io/org/app@" + DIGEST);
    }

    @Test
    void shouldKeepTagAndDigestWhenBothGiven() {
        ImageRef ref = ImageRef.parse("app:1.0@" + DIGEST);

        assertThat(ref.tag()).isEqualTo("1.0");
        assertThat(ref.digest()).isEqualTo(DIGEST);
        assertThat(ref).hasToString("app:1.0@" + DIGEST);
    }

    @Test
    void shouldRejectReferenceWhenMalformed() {
        assertThatThrownBy(() -> ImageRef.parse(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageRef.parse("Upper/Case")).hasMessageContaining("invalid name");
        assertThatThrownBy(() -> ImageRef.parse("app:bad tag")).hasMessageContaining("whitespace");
        assertThatThrownBy(() -> ImageRef.parse("app:")).hasMessageContaining("invalid tag");
        assertThatThrownBy(() -> ImageRef.parse("app@sha256:short")).hasMessageContaining("invalid digest");
        assertThatThrownBy(() -> ImageRef.parse("a//b")).hasMessageContaining("invalid name");
    }
}
