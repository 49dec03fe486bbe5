package dev.gofer.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The CLI's config file: named contexts (an API URL and its token) and which one is current, as
 * {@code {"current_context": "name", "contexts": {"name": {"api_url": "...", "token": "..."}}}}. It is at
 * {@code $}{@value #PATH_ENV} if set, else {@code $XDG_CONFIG_HOME/gofer/config.json}, else
 * {@code ~/.config/gofer/config.json}; it is written atomically (a temporary file in the same directory, moved into
 * place) and readable by its owner only, because it holds tokens.
 */
final class CliConfig {

    static final String PATH_ENV = "GOFER_CONFIG";
    static final String XDG_ENV = "XDG_CONFIG_HOME";

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /**
     * One context.
     *
     * @param apiUrl the API's base URL
     * @param token the token sent to it, or {@code null}
     */
    record Context(String apiUrl, String token) {

        boolean hasToken() {
            return token != null && !token.isBlank();
        }

        @Override
        public String toString() {
            return "Context[apiUrl=" + apiUrl + ", token=" + (hasToken() ? "<hidden>" : "none") + "]";
        }
    }

    /** The file's JSON shape. */
    private record Document(String currentContext, Map<String, Context> contexts) {
    }

    private final Path path;
    private final Map<String, Context> contexts;
    private String currentContext;

    private CliConfig(Path path, String currentContext, Map<String, Context> contexts) {
        this.path = path;
        this.currentContext = currentContext;
        this.contexts = new TreeMap<>(contexts);
        this.contexts.values().removeIf(Objects::isNull); // "name": null in a hand-edited file
    }

    /** Where the config file is for this environment (it need not exist). */
    static Path path(Main io) {
        String explicit = ApiTarget.envValue(io, PATH_ENV);
        if (explicit != null) {
            return Path.of(explicit);
        }
        String xdg = ApiTarget.envValue(io, XDG_ENV);
        if (xdg != null && Path.of(xdg).isAbsolute()) { // the XDG spec: a relative value is to be ignored
            return Path.of(xdg, "gofer", "config.json");
        }
        return io.home.resolve(Path.of(".config", "gofer", "config.json"));
    }

    /**
     * The config file of this environment; empty when there is none yet.
     *
     * @throws CliException if it cannot be read or is not a config file
     */
    static CliConfig load(Main io) {
        Path path = path(io);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new CliConfig(path, null, Map.of());
        } catch (IOException e) {
            throw new CliException("cannot read the CLI config " + path + ": " + e.getMessage(), e);
        }
        Document document;
        try {
            document = MAPPER.readValue(bytes, Document.class);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new CliException("the CLI config " + path + " is not valid: " + why, e);
        }
        if (document == null) {
            return new CliConfig(path, null, Map.of());
        }
        return new CliConfig(path, document.currentContext(),
                document.contexts() == null ? Map.of() : document.contexts());
    }

    Path path() {
        return path;
    }

    /** The current context's name, or {@code null}. */
    String currentName() {
        return currentContext != null && contexts.containsKey(currentContext) ? currentContext : null;
    }

    Optional<Context> current() {
        return Optional.ofNullable(currentName()).map(contexts::get);
    }

    Optional<Context> context(String name) {
        return Optional.ofNullable(contexts.get(name));
    }

    /** The contexts by name, in name order. */
    Map<String, Context> contexts() {
        return Collections.unmodifiableMap(contexts);
    }

    /** Adds or replaces {@code name}. */
    void put(String name, Context context) {
        contexts.put(name, context);
    }

    /**
     * Makes {@code name} the current context.
     *
     * @throws CliException if there is no such context
     */
    void use(String name) {
        require(name);
        currentContext = name;
    }

    /**
     * Removes {@code name}; when it was the current one there is no current context afterwards.
     *
     * @throws CliException if there is no such context
     */
    void remove(String name) {
        require(name);
        contexts.remove(name);
        if (name.equals(currentContext)) {
            currentContext = null;
        }
    }

    private void require(String name) {
        if (!contexts.containsKey(name)) {
            throw new CliException("no context " + name + " in " + path + " (see: gofer context list)");
        }
    }

    /**
     * Writes the file atomically, owner-only (rw-------), creating its directory (rwx------) if needed.
     *
     * @throws CliException if it cannot be written
     */
    void save() {
        Path target = target();
        Path directory = target.getParent();
        Path temporary = null;
        try {
            createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp", ownerOnly(directory));
            write(temporary, MAPPER.writeValueAsBytes(new Document(currentName(), contexts)));
            move(temporary, target);
            temporary = null;
        } catch (IOException e) {
            throw new CliException("cannot write the CLI config " + path + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** The file to replace: the absolute path, or where it links to (the link itself is left as it is). */
    private Path target() {
        Path absolute = path.toAbsolutePath();
        try {
            return Files.isSymbolicLink(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute; // a dangling link: replaced by the file
        }
    }

    private static void createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (isPosix(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        return isPosix(directory)
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: the write failed already, which is what gets reported
        }
    }
}
