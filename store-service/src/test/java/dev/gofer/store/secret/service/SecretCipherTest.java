package dev.gofer.store.secret.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldRoundTripWhenAssociatedDataMatches() {
        SecretCipher cipher = new SecretCipher(KEY, 1);

        EncryptedValue encrypted = cipher.encrypt("s3cr3t-value", "ns/p/token");

        assertThat(encrypted.nonce()).hasSize(12);
        assertThat(encrypted.keyVersion()).isEqualTo(1);
        assertThat(new String(encrypted.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t-value");
        assertThat(cipher.decrypt(encrypted, "ns/p/token")).isEqualTo("s3cr3t-value");
    }

    @Test
    void shouldUseFreshNonceWhenEncryptingTheSameValueTwice() {
        SecretCipher cipher = new SecretCipher(KEY, 1);

        EncryptedValue a = cipher.encrypt("same", "ns/p/k");
        EncryptedValue b = cipher.encrypt("same", "ns/p/k");

        assertThat(a.nonce()).isNotEqualTo(b.nonce());
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
    }

    @Test
    void shouldRefuseToDecryptWhenValueIsMovedToAnotherKey() {
        SecretCipher cipher = new SecretCipher(KEY, 1);
        EncryptedValue encrypted = cipher.encrypt("s3cr3t-value", "ns/p/token");

        assertThatThrownBy(() -> cipher.decrypt(encrypted, "ns/p/other")).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void shouldRefuseToDecryptWhenKeyVersionDiffers() {
        EncryptedValue encrypted = new SecretCipher(KEY, 1).encrypt("v", "ns/p/k");

        assertThatThrownBy(() -> new SecretCipher(KEY, 2).decrypt(encrypted, "ns/p/k"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key version 1");
    }

    @Test
    void shouldExplainWhenKeyIsMissing() {
        assertThatThrownBy(() -> SecretCipher.parseKey(Optional.empty())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gofer.store.encryption-key").hasMessageContaining("is not set");
        assertThatThrownBy(() -> SecretCipher.parseKey(Optional.of("  "))).hasMessageContaining("is not set");
    }

    @Test
    void shouldExplainWhenKeyIsNotBase64() {
        assertThatThrownBy(() -> SecretCipher.parseKey(Optional.of("not*base64!"))).isInstanceOf(
                IllegalStateException.class).hasMessageContaining("not valid base64").hasMessageNotContaining("*");
    }

    @Test
    void shouldExplainWhenKeyIsNot32Bytes() {
        String sixteen = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> SecretCipher.parseKey(Optional.of(sixteen)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("decodes to 16 bytes");
    }

    @Test
    void shouldAcceptKeyWhenItIsBase64Of32Bytes() {
        String key = Base64.getEncoder().encodeToString(KEY);

        assertThat(SecretCipher.parseKey(Optional.of(" " + key + "\n"))).isEqualTo(KEY);
    }
}
