package dev.gofer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.gofer.sdk.FieldError;
import dev.gofer.sdk.GoferApiException;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.GoferException;
import dev.gofer.sdk.GoferStoreClient;
import dev.gofer.sdk.PipelineValidationException;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Base of every leaf command: access to the global options, the output streams and an API client, and one place that
 * turns failures into {@code error: ...} on stderr with exit code {@value #EXIT_ERROR}.
 */
abstract class GoferCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_RUN_FAILED = 1;
    static final int EXIT_ERROR = 2;

    @Spec
    CommandSpec spec;

    private Style style;

    /** The command's work; returns the exit code. */
    abstract int execute() throws Exception;

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (ParameterException e) {
            throw e; // a usage error found while running: picocli prints it with the usage, exit code 2
        } catch (GoferApiException e) {
            printApiError(e);
        } catch (PipelineValidationException e) {
            err().println("error: invalid pipeline config:");
            e.errors().forEach(error -> err().println("  " + error));
        } catch (GoferException | CliException e) {
            err().println("error: " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            err().println("error: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err().println("error: interrupted");
        } catch (Exception e) {
            err().println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            out().flush();
            err().flush();
        }
        return EXIT_ERROR;
    }

    private void printApiError(GoferApiException e) {
        StringBuilder line = new StringBuilder("error: ").append(e.title());
        if (e.detail() != null && !e.detail().isBlank()) {
            line.append(": ").append(e.detail());
        }
        err().println(line);
        for (FieldError error : e.errors()) {
            err().println("  " + error);
        }
    }

    /** {@code --grace} seconds as a duration, {@code null} when not given; a negative value is a usage error. */
    Duration grace(Integer seconds) {
        if (seconds == null) {
            return null;
        }
        if (seconds < 0) {
            throw new ParameterException(spec.commandLine(), "--grace must not be negative, was " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** {@code " (grace 30s)"}, or empty when not given. */
    static String graceText(Integer seconds) {
        return seconds == null ? "" : " (grace " + seconds + "s)";
    }

    Main globals() {
        return (Main) spec.root().userObject();
    }

    String namespace() {
        return globals().namespace;
    }

    boolean jsonOutput() {
        return globals().output == OutputFormat.JSON;
    }

    GoferClient client() {
        try {
            return GoferClient.create(globals().apiUrl);
        } catch (IllegalArgumentException e) {
            throw new CliException("bad --api-url: " + e.getMessage());
        }
    }

    /** A client of the store at {@code --store-url}; {@code adminToken} ({@code null}: none) only for reveals. */
    GoferStoreClient storeClient(String adminToken) {
        try {
            return GoferStoreClient.builder(globals().storeUrl).adminToken(adminToken).build();
        } catch (IllegalArgumentException e) {
            throw new CliException("bad --store-url: " + e.getMessage());
        }
    }

    GoferStoreClient storeClient() {
        return storeClient(null);
    }

    /** A usage error: picocli prints it with the usage, exit code {@value #EXIT_ERROR}. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Style style() {
        if (style == null) {
            style = Style.detect();
        }
        return style;
    }
}
