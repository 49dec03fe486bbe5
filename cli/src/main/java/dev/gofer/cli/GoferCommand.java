package dev.gofer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Base of every leaf command: access to the global options, the output streams, the CLI config and an API client
 * (which sends the token, see {@link ApiTarget}), and one place that turns failures into {@code error: ...} on stderr
 * with exit code {@value #EXIT_ERROR}.
 */
abstract class GoferCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_RUN_FAILED = 1;
    static final int EXIT_ERROR = 2;

    /** Printed under a 401 from the API (the store's routes included). */
    static final String UNAUTHORIZED_HINT = "  (send a token: set " + ApiTarget.TOKEN_ENV + ", or run gofer login)";

    @Spec
    CommandSpec spec;

    private Style style;
    private CliConfig config;
    /** Where {@link #client()} or {@link #storeClient()} sent its requests, {@code null} until one is called. */
    private ApiTarget target;

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
        if (e.status() == 401 && target != null) {
            unauthorizedHints(target).forEach(err()::println);
        }
    }

    /** The lines printed under a 401 from the API client made for {@code target}. */
    List<String> unauthorizedHints(ApiTarget target) {
        List<String> hints = new ArrayList<>();
        hints.add(UNAUTHORIZED_HINT);
        if (target.tokenSource() != null) {
            hints.add("  (sent the token from " + target.tokenSource() + " to " + target.url() + ")");
        }
        if (target.note() != null) {
            hints.add("  (" + target.note() + ")");
        }
        return hints;
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

    /** A client of the API (see {@link ApiTarget} for its URL and token). */
    GoferClient client() {
        return client(ApiTarget.resolve(globals(), this::config));
    }

    /** A client of {@code target}'s URL sending its token (if any); a 401 from it gets the hints. */
    GoferClient client(ApiTarget target) {
        this.target = target;
        try {
            return GoferClient.builder(target.url()).token(target.token()).build();
        } catch (IllegalArgumentException e) {
            throw new CliException("bad " + urlName(target) + ": " + e.getMessage());
        }
    }

    /** The CLI config file, read once per command. */
    CliConfig config() {
        if (config == null) {
            config = CliConfig.load(globals());
        }
        return config;
    }

    /**
     * A client of the store's routes (secrets, objects), which the API serves at the same paths: the API's URL and
     * token (see {@link ApiTarget}), or the hidden operator override {@code --store-url} with the token chosen by the
     * same rules. They are API requests, so a 401 gets the same hints.
     */
    GoferStoreClient storeClient() {
        ApiTarget store = ApiTarget.resolveStore(globals(), this::config);
        this.target = store;
        try {
            return GoferStoreClient.builder(store.url()).token(store.token()).build();
        } catch (IllegalArgumentException e) {
            throw new CliException("bad " + urlName(store) + ": " + e.getMessage());
        }
    }

    /** How messages name {@code target}'s URL: the option it was given with, else where it came from. */
    private static String urlName(ApiTarget target) {
        return "--api-url".equals(target.urlSource()) || ApiTarget.STORE_URL_OPTION.equals(target.urlSource())
                ? target.urlSource()
                : "API URL (from " + target.urlSource() + ")";
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
