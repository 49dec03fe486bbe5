package dev.gofer.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Fresh directories under {@code target/} (never /tmp), one per test. */
final class TestDirs {

    private TestDirs() {
    }

    static Path fresh(String prefix) {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            return Files.createDirectories(
                    Path.of("target", "test-state", prefix + "-" + UUID.randomUUID().toString().substring(0, 8))
                            .toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
