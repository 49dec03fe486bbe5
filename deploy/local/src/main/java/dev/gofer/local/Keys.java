package dev.gofer.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The service keys of a local stack, kept in {@code keys.env} (mode 600) and created once: the transit key shared by
 * api-service, store-service and the schedulers, and the store's at-rest key. Once the services are up the file also
 * holds the API's admin token ({@code GOFER_API_TOKEN}, from the one-time bootstrap), which {@code bin/gofer} sends.
 * {@link #toString()} never shows them.
 */
record Keys(String transitKey, String storeEncryptionKey) {

    static final String TRANSIT = "GOFER_TRANSIT_KEY";
    static final String STORE_ENCRYPTION = "GOFER_STORE_ENCRYPTION_KEY";
    /** The API's bootstrap (admin) token, made once the services are up; {@code bin/gofer} sends it. */
    static final String API_TOKEN = "GOFER_API_TOKEN";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Reads {@code file}; creates it (or adds a missing key) with fresh random keys. */
    static Keys loadOrCreate(Path file) {
        try {
            Map<String, String> values = read(file);
            boolean changed = false;
            for (String name : new String[]{TRANSIT, STORE_ENCRYPTION}) {
                if (values.getOrDefault(name, "").isEmpty()) {
                    values.put(name, newKey());
                    changed = true;
                }
            }
            if (changed) {
                write(file, values);
            } else {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            return new Keys(values.get(TRANSIT), values.get(STORE_ENCRYPTION));
        } catch (IOException e) {
            throw new LocalStackException("cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    /** The admin token of the stack's API ({@code GOFER_API_TOKEN}) in {@code file}, if it holds one. */
    static String apiToken(Path file) {
        return read(file).getOrDefault(API_TOKEN, "");
    }

    /** Adds or replaces {@code GOFER_API_TOKEN} in {@code file}, which stays owner-only. */
    static void saveApiToken(Path file, String token) {
        try {
            Map<String, String> values = read(file);
            values.put(API_TOKEN, token);
            write(file, values);
        } catch (IOException e) {
            throw new LocalStackException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new LocalStackException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return values;
    }

    private static void write(Path file, Map<String, String> values) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        StringBuilder text = new StringBuilder(
                "# Keys of this local Gofer stack, created once by the launcher. Keep private.\n");
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public String toString() {
        return "Keys[transitKey=<hidden>, storeEncryptionKey=<hidden>]";
    }
}
