package dev.gofer.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class TransitSealerTest {

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void shouldOpenWhatItSealedWhenContextMatches() {
        var sealer = new TransitSealer(randomKey());

        String sealed = sealer.seal("s3cr3t-value", "default/simple/1/task");

        assertThat(sealed).startsWith("v1:").doesNotContain("s3cr3t");
        assertThat(sealer.open(sealed, "default/simple/1/task")).isEqualTo("s3cr3t-value");
    }

    @Test
    void shouldUseFreshNonceWhenSealingSameValueTwice() {
        var sealer = new TransitSealer(randomKey());

        assertThat(sealer.seal("same", "ctx")).isNotEqualTo(sealer.seal("same", "ctx"));
    }

    @Test
    void shouldRefuseToOpenWhenKeyOrContextDiffers() {
        var sealer = new TransitSealer(randomKey());
        String sealed = sealer.seal("value", "ctx-a");

        assertThatThrownBy(() -> sealer.open(sealed, "ctx-b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransitSealer(randomKey()).open(sealed, "ctx-a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrong transit key");
    }

    @Test
    void shouldRejectKeyWhenNot32Bytes() {
        assertThatThrownBy(() -> new TransitSealer(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransitSealer.fromBase64("")).hasMessageContaining("gofer.transit-key");
    }
}
