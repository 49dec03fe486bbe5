package dev.gofer.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real private Docker registry on localhost: Debian's {@code docker-registry} (distribution 2.8) as a child process
 * on a free port, with htpasswd (bcrypt) basic auth and its storage under {@code target/}. dockerd treats registries on
 * localhost as insecure, so plain HTTP works without engine configuration.
 *
 * <p>
 * {@link #push(String, String)} copies a local image into it with the docker CLI, logged in through a throwaway
 * {@code DOCKER_CONFIG} directory (the user's {@code ~/.docker} is never read or written), and then removes the pushed
 * tag from the engine so that a later pull really goes to the registry. {@link #close()} stops the registry, removes
 * every local tag of its images from the engine and deletes its storage and the throwaway login.
 *
 * <p>
 * Needs {@code docker-registry}, {@code htpasswd} (apache2-utils) and the docker CLI on the {@code PATH}; all three are
 * installed by {@code deploy/local/prepare-host.sh}. The password goes to {@code htpasswd} and {@code docker login}
 * on stdin, never on a command line.
 */
public final class LocalRegistry implements AutoCloseable {

    /** The login of {@link #start()}. */
    public static final String DEFAULT_USER = "gofer-test";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;
    private static final String TOOLS_HINT = "(installed by deploy/local/prepare-host.sh)";

    private final Path dir;
    private final Path dockerConfig;
    private final Process process;
    private final int port;
    private final String user;
    private final String password;
    private final Thread shutdownHook;
    private final AtomicInteger commands = new AtomicInteger();
    private boolean loggedIn;
    private boolean closed;

    private LocalRegistry(Path dir, Process process, int port, String user, String password) {
        this.dir = dir;
        this.dockerConfig = dir.resolve("docker-config");
        this.process = process;
        this.port = port;
        this.user = user;
        this.password = password;
        this.shutdownHook = new Thread(this::stopProcess, "local-registry-stop-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A registry with login {@link #DEFAULT_USER} and a random password, its files under {@code target/}. */
    public static LocalRegistry start() {
        return start(DEFAULT_USER, "pw-" + UUID.randomUUID());
    }

    /** A registry that admits only {@code user} with {@code password}, its files under {@code target/}. */
    public static LocalRegistry start(String user, String password) {
        return start(Path.of("target"), user, password);
    }

    /**
     * A registry that admits only {@code user} with {@code password}; its config, storage, logs and the throwaway
     * docker login live in a new directory under {@code parent}. Returns once {@code GET /v2/} answers 401.
     */
    public static LocalRegistry start(Path parent, String user, String password) {
        if (user == null || user.isBlank() || user.contains(":")) {
            throw new IllegalArgumentException("registry user must be non-blank and without ':'");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("registry password must not be empty");
        }
        Path dir = parent.toAbsolutePath().resolve("local-registry-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(dir.resolve("storage"));
            Files.createDirectories(dir.resolve("docker-config"));
            writeHtpasswd(dir, user, password);
            for (int attempt = 1;; attempt++) {
                int port = freePort();
                Path config = writeConfig(dir, port);
                Process process = startProcess(dir, config);
                if (awaitAuthChallenge(process, port)) {
                    return new LocalRegistry(dir, process, port, user, password);
                }
                destroy(process);
                String log = tail(dir.resolve("registry.log"));
                // Another process may have taken the free port between probe and bind: try another one.
                if (attempt >= START_ATTEMPTS || !log.contains("address already in use")) {
                    throw new IllegalStateException("docker-registry did not answer 401 on http://127.0.0.1:" + port
                            + "/v2/ within " + START_TIMEOUT + "; its log (" + dir.resolve("registry.log") + "):\n"
                            + log);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local registry in " + dir, e);
        }
    }

    /** {@code localhost:<port>}: the registry part of image references and the server of {@code docker login}. */
    public String host() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /**
     * The throwaway docker CLI config directory ({@code DOCKER_CONFIG}); after the first {@link #push} it holds a
     * login for this registry, as {@code ~/.docker} would after {@code docker login}. Deleted on {@link #close()}.
     */
    public Path dockerConfig() {
        return dockerConfig;
    }

    /** The full reference of {@code repoTag} ({@code team/app:1}) in this registry. */
    public String reference(String repoTag) {
        return host() + "/" + repoTag;
    }

    /**
     * Pushes the engine's {@code localImage} into this registry as {@code repoTag} (e.g. {@code gofer-test/busybox:1})
     * and removes that tag from the engine again (the local image keeps its own name). Returns the full reference,
     * {@code localhost:<port>/<repoTag>}.
     */
    public synchronized String push(String localImage, String repoTag) {
        requireOpen();
        if (repoTag == null || repoTag.isBlank() || repoTag.startsWith("/")) {
            throw new IllegalArgumentException("repoTag must be a repository with an optional tag, e.g. team/app:1");
        }
        String reference = reference(repoTag);
        if (!loggedIn) {
            docker(password, "login", "--username", user, "--password-stdin", host());
            loggedIn = true;
        }
        docker(null, "tag", localImage, reference);
        try {
            docker(null, "push", reference);
        } catch (IllegalStateException e) {
            try {
                docker(null, "rmi", reference);
            } catch (IllegalStateException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        docker(null, "rmi", reference);
        return reference;
    }

    /** Stops the registry and its children, untags its images in the engine, deletes its storage and the login. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            removeLocalTags();
        } finally {
            stopProcess();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs anyway
            }
            deleteTree(dir.resolve("storage"));
            deleteTree(dockerConfig);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the local registry on " + host() + " is closed");
        }
    }

    /** Every image the engine holds under this registry's host (pushed here or pulled from here). */
    private void removeLocalTags() {
        List<String> tags = new ArrayList<>();
        try {
            String listing = docker(null, "image", "ls", "--format", "{{.Repository}}:{{.Tag}}");
            listing.lines().map(String::trim).filter(l -> l.startsWith(host() + "/") && !l.endsWith(":<none>"))
                    .forEach(tags::add);
            for (String tag : tags) {
                docker(null, "rmi", tag);
            }
        } catch (IllegalStateException e) {
            System.err.println("local registry " + host() + ": cannot remove local tags " + tags + ": "
                    + e.getMessage());
        }
    }

    private void stopProcess() {
        destroy(process);
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Runs the docker CLI with the throwaway config; returns its output, or throws with it when the CLI fails. */
    private String docker(String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        Path output = dir.resolve("docker-" + commands.incrementAndGet() + "-" + args[0] + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("DOCKER_CONFIG", dockerConfig.toString());
        return run(builder, stdin, "docker " + args[0], output);
    }

    private static void writeHtpasswd(Path dir, String user, String password) {
        Path htpasswd = dir.resolve("htpasswd");
        // -B bcrypt (the only scheme distribution accepts), -i password on stdin, -n print instead of writing a file.
        Path errors = dir.resolve("htpasswd.err");
        ProcessBuilder builder = new ProcessBuilder("htpasswd", "-Bin", user).redirectOutput(htpasswd.toFile())
                .redirectError(errors.toFile());
        run(builder, password, "htpasswd", errors);
    }

    /** Runs a tool to its end; returns what it wrote to {@code report}, or throws with that text when it fails. */
    private static String run(ProcessBuilder builder, String stdin, String what, Path report) {
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + what + " " + TOOLS_HINT + ": " + e.getMessage(), e);
        }
        try {
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                destroy(p);
                throw new IllegalStateException(what + " did not finish within " + COMMAND_TIMEOUT);
            }
            String out = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
            if (p.exitValue() != 0) {
                throw new IllegalStateException(what + " exited " + p.exitValue() + ": " + out.trim());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot talk to " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroy(p);
            throw new IllegalStateException("interrupted while running " + what, e);
        }
    }

    private static Path writeConfig(Path dir, int port) throws IOException {
        Path config = dir.resolve("config.yml");
        String yaml = String.join("\n",
                "version: 0.1",
                "log:",
                "  level: warn",
                "  accesslog:",
                "    disabled: true",
                "storage:",
                "  filesystem:",
                "    rootdirectory: " + quoted(dir.resolve("storage")),
                "  delete:",
                "    enabled: true",
                "http:",
                "  addr: 127.0.0.1:" + port,
                "  secret: " + UUID.randomUUID(),
                "auth:",
                "  htpasswd:",
                "    realm: gofer-test-registry",
                "    path: " + quoted(dir.resolve("htpasswd")),
                "");
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        return config;
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    private static Process startProcess(Path dir, Path config) {
        ProcessBuilder builder = new ProcessBuilder("docker-registry", "serve", config.toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("registry.log").toFile()));
        Map<String, String> env = builder.environment();
        // Configuration comes from the file only.
        env.keySet().removeIf(k -> k.startsWith("REGISTRY_"));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run docker-registry " + TOOLS_HINT + ": " + e.getMessage(), e);
        }
    }

    /** True once {@code GET /v2/} answers 401 (up, and asking for credentials); false if it died or timed out. */
    private static boolean awaitAuthChallenge(Process process, int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try {
            while (Instant.now().isBefore(deadline)) {
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 401) {
                        return true;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                // Doubles as the pause between probes and as the check that the process still lives.
                if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                    return false;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: target/ is cleaned by the build anyway
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
