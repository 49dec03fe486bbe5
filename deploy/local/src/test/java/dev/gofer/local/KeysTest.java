package dev.gofer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void shouldCreateOwnerOnlyKeysOnceWhenTheFileIsMissing() throws Exception {
        Path file = TestDirs.fresh("keys").resolve("keys.env");

        Keys created = Keys.loadOrCreate(file);
        Keys loaded = Keys.loadOrCreate(file);

        assertThat(loaded).isEqualTo(created);
        assertThat(Base64.getDecoder().decode(created.transitKey())).hasSize(32);
        assertThat(Base64.getDecoder().decode(created.storeEncryptionKey())).hasSize(32);
        assertThat(created.transitKey()).isNotEqualTo(created.storeEncryptionKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("GOFER_TRANSIT_KEY=" + created.transitKey())
                .contains("GOFER_STORE_ENCRYPTION_KEY=" + created.storeEncryptionKey());
    }

    @Test
    void shouldAddOnlyTheMissingKeyWhenTheFileHasOne() throws Exception {
        Path file = TestDirs.fresh("keys").resolve("keys.env");
        String transit = Base64.getEncoder().encodeToString(new byte[32]);
        Files.writeString(file, "GOFER_TRANSIT_KEY=" + transit + "\n");

        Keys keys = Keys.loadOrCreate(file);

        assertThat(keys.transitKey()).isEqualTo(transit);
        assertThat(Base64.getDecoder().decode(keys.storeEncryptionKey())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void shouldHideTheKeysWhenPrinted() {
        Keys keys = new Keys("secret-transit", "secret-store");

        assertThat(keys.toString()).doesNotContain("secret");
    }
}
