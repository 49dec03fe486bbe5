package dev.gofer.scheduler.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContainerSpecTest {

    @Test
    void shouldShowEnvKeysOnlyWhenPrinted() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TOKEN", "very-secret-value");
        env.put("MODE", "fast");
        ContainerSpec spec = new ContainerSpec(ImageRef.parse("local/busybox"), "gofer-x", List.of(), List.of(), env,
                Map.of(), "none");

        assertThat(spec.toString()).contains("TOKEN", "MODE").doesNotContain("very-secret-value");
        assertThat(spec.envEntries()).containsExactly("TOKEN=very-secret-value", "MODE=fast");
    }

    @Test
    void shouldRejectNameWhenDockerWouldRefuseIt() {
        assertThatThrownBy(() -> new ContainerSpec(ImageRef.parse("local/busybox"), "bad/name", null, null, null,
                null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad/name");
    }

    @Test
    void shouldMaskPasswordWhenCredentialsPrinted() {
        assertThat(new RegistryCredentials("bot", "hunter2").toString()).contains("bot").doesNotContain("hunter2");
    }
}
