package dev.gofer.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a single-file Java pipeline program ({@code java -cp <the CLI's classpath> Program.java}) and returns what it
 * printed on stdout: the pipeline JSON. The program sees the CLI's environment and classpath (so it can use the SDK);
 * its stderr is copied to ours as it arrives.
 */
final class PipelineProgram {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private PipelineProgram() {
    }

    static String run(Path source, PrintWriter err, Duration timeout) throws IOException, InterruptedException {
        List<String> command = List.of(javaExecutable(), "-cp", classPath(), source.toString());
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<Void> stderr = CompletableFuture.runAsync(() -> copyLines(process.getErrorStream(), err));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new CliException("pipeline program " + source + " did not finish within " + Times.human(timeout));
        }
        String output = await(stdout);
        await(stderr);
        if (process.exitValue() != 0) {
            throw new CliException("pipeline program " + source + " exited with code " + process.exitValue());
        }
        if (output.isBlank()) {
            throw new CliException("pipeline program " + source
                    + " printed nothing on stdout (it should end with Pipeline...finish())");
        }
        return output;
    }

    private static String javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    /** The classpath this JVM runs with, every entry made absolute so the child resolves it the same way. */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyLines(InputStream in, PrintWriter err) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (err) {
                    err.println(line);
                    err.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException(e.getCause());
        }
    }
}
