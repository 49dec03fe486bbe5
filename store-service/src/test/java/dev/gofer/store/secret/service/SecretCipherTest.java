package dev.gofer.store.secret.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBA987654".getBytes(StandardCharsets.UTF_8);

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

    @Test
    void shouldRefuseWeakKeyWhenBytesAreAllEqualOrFewDistinct() {
        String zeros = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] fifteen = new byte[32];
        for (int i = 0; i < fifteen.length; i++) {
            fifteen[i] = (byte) (i % 15);
        }

        assertThatThrownBy(() -> SecretCipher.parseKey(Optional.of(zeros))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gofer.store.encryption-key").hasMessageContaining("too weak")
                .hasMessageNotContaining(zeros);
        assertThatThrownBy(() -> SecretCipher.parseKey(Optional.of(Base64.getEncoder().encodeToString(fifteen))))
                .hasMessageContaining("too weak").hasMessageContaining("15 distinct");
    }

    @Test
    void shouldParsePreviousKeysByVersionWhenListIsWellFormed() {
        String k1 = Base64.getEncoder().encodeToString(KEY);
        String k2 = Base64.getEncoder().encodeToString(OTHER_KEY);

        Map<Integer, byte[]> keys = SecretCipher.parsePrevious(Optional.of(" 1:" + k1 + " , 2:" + k2));

        assertThat(keys).containsOnlyKeys(1, 2);
        assertThat(keys.get(1)).isEqualTo(KEY);
        assertThat(keys.get(2)).isEqualTo(OTHER_KEY);
        assertThat(SecretCipher.parsePrevious(Optional.empty())).isEmpty();
    }

    @Test
    void shouldNameVersionButNeverTheKeyWhenPreviousKeyIsBad() {
        String good = Base64.getEncoder().encodeToString(KEY);
        String weak = Base64.getEncoder().encodeToString(new byte[32]);

        assertThatThrownBy(() -> SecretCipher.parsePrevious(Optional.of("1:" + good + ",2:" + weak)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("gofer.store.previous-encryption-keys")
                .hasMessageContaining("version 2").hasMessageContaining("too weak").hasMessageNotContaining(weak);
        assertThatThrownBy(() -> SecretCipher.parsePrevious(Optional.of(good)))
                .hasMessageContaining("entry 1 must be <version>:").hasMessageNotContaining(good);
        assertThatThrownBy(() -> SecretCipher.parsePrevious(Optional.of("x:" + good)))
                .hasMessageContaining("key version number");
        assertThatThrownBy(() -> SecretCipher.parsePrevious(Optional.of("1:" + good + ",1:" + good)))
                .hasMessageContaining("version 1 twice");
        assertThatThrownBy(() -> SecretCipher.parsePrevious(Optional.of("3:not*base64!")))
                .hasMessageContaining("version 3 is not valid base64").hasMessageNotContaining("*");
    }

    @Test
    void shouldDecryptWithTheRowsVersionWhenRingHoldsSeveralKeys() {
        EncryptedValue old = new SecretCipher(KEY, 1).encrypt("kept across rotation", "ns/p/k");
        SecretCipher ring = new SecretCipher(2, Map.of(1, KEY, 2, OTHER_KEY));

        EncryptedValue fresh = ring.encrypt("new value", "ns/p/k");

        assertThat(ring.decrypt(old, "ns/p/k")).isEqualTo("kept across rotation");
        assertThat(fresh.keyVersion()).isEqualTo(2);
        assertThat(ring.decrypt(fresh, "ns/p/k")).isEqualTo("new value");
        assertThatThrownBy(() -> new SecretCipher(OTHER_KEY, 2).decrypt(old, "ns/p/k"))
                .hasMessageContaining("key version 1");
        assertThatThrownBy(() -> new SecretCipher(1, Map.of(1, OTHER_KEY)).decrypt(old, "ns/p/k"))
                .hasMessageContaining("wrong encryption key");
    }
}
