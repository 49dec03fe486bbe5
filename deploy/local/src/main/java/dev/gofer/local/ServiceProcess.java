package dev.gofer.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One service instance as a child process: {@code java <options> -jar <jar>} with its environment, stdout and stderr
 * appended to its log file. Restartable with the same command and environment.
 */
final class ServiceProcess {

    private static final Logger LOG = Logger.getLogger(ServiceProcess.class.getName());

    private final String name;
    private final int port;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path logFile;
    private final Path workDir;
    private volatile Process process;
    private volatile boolean stopping;

    ServiceProcess(String name, int port, List<String> command, Map<String, String> env, Path logFile, Path workDir) {
        this.name = name;
        this.port = port;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.logFile = logFile;
        this.workDir = workDir;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path logFile() {
        return logFile;
    }

    Map<String, String> env() {
        return env;
    }

    synchronized void start() {
        if (isAlive()) {
            throw new LocalStackException(name + " is already running (pid " + process.pid() + ")");
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(workDir);
            Files.writeString(logFile, "---- " + Instant.now() + " starting " + name + " on port " + port + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(Redirect.appendTo(logFile.toFile()))
                    .redirectInput(Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            stopping = false;
            Process started = builder.start();
            process = started;
            started.onExit().thenAccept(p -> {
                if (!stopping && process == p) {
                    LOG.warning(() -> name + " exited by itself with code " + p.exitValue() + "; see " + logFile);
                }
            });
        } catch (IOException e) {
            throw new LocalStackException("cannot start " + name + ": " + e.getMessage(), name, e);
        }
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    OptionalLong pid() {
        Process p = process;
        return p == null || !p.isAlive() ? OptionalLong.empty() : OptionalLong.of(p.pid());
    }

    /** Exit code of the last process when it has exited. */
    OptionalLong exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? OptionalLong.empty() : OptionalLong.of(p.exitValue());
    }

    /** Sends SIGTERM without waiting. */
    void signalStop() {
        Process p = process;
        if (p != null && p.isAlive()) {
            stopping = true;
            p.destroy();
        }
    }

    /** Waits for the process to end; SIGKILL once {@code deadline} has passed. */
    void awaitStop(Instant deadline) {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (!p.waitFor(left, TimeUnit.MILLISECONDS)) {
                LOG.warning(() -> name + " did not stop in time; killing it");
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then SIGKILL after {@code grace}. */
    void stop(Duration grace) {
        signalStop();
        awaitStop(Instant.now().plus(grace));
    }

    /** SIGKILL at once, as a crash would. */
    void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        stopping = true;
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code lines} lines of the log file. */
    String logTail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no log file " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int size = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[size];
            raf.seek(length - size);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\n");
            return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
