package dev.gofer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which API the CLI talks to and which token it sends there. The URL: {@code --api-url}, else env {@value #URL_ENV},
 * else the current context's, else {@value #DEFAULT_URL}. The token: {@code --token-file}, else env
 * {@value #TOKEN_ENV}, else the current context's, and that one only to the context's own URL (a context's token is
 * never sent to another server). A token never comes from the command line, where {@code ps} and the shell history
 * would show it. The store's routes (secrets, objects) are API routes: the same URL and token, unless the hidden
 * operator override {@code --store-url} names another URL (see {@link #resolveStore}).
 *
 * @param url the API base URL
 * @param urlSource where the URL came from, for messages ({@code --api-url}, {@code env GOFER_API_URL}, ...)
 * @param token the token to send, or {@code null} for none
 * @param tokenSource where the token came from, for messages; {@code null} without a token
 * @param note why the current context's token was not sent, or {@code null}
 */
record ApiTarget(String url, String urlSource, String token, String tokenSource, String note) {

    static final String URL_ENV = "GOFER_API_URL";
    static final String TOKEN_ENV = "GOFER_API_TOKEN";
    static final String DEFAULT_URL = "http://localhost:8080";
    /** The hidden operator override of the URL of the store's routes. */
    static final String STORE_URL_OPTION = "--store-url";

    /** A URL and where it came from. */
    record Url(String value, String source) {
    }

    /**
     * The target of an ordinary command: the current context is the one in {@code config} (read only if needed).
     *
     * @throws CliException if the token file cannot be read or is empty, or the config file is broken
     */
    static ApiTarget resolve(Main io, Supplier<CliConfig> config) {
        Supplier<Optional<Named>> current = current(config);
        return resolve(io, url(io, current), current);
    }

    /**
     * The target of the store's routes ({@code secret}, {@code object}): the same as {@link #resolve} (the API is the
     * one front door), unless the hidden operator override {@code --store-url} is given; then its URL, with the token
     * chosen by the same rules (a context's token still goes only to the context's own URL).
     *
     * @throws CliException if the token file cannot be read or is empty, or the config file is broken
     */
    static ApiTarget resolveStore(Main io, Supplier<CliConfig> config) {
        if (io.storeUrl == null || io.storeUrl.isBlank()) {
            return resolve(io, config);
        }
        return resolve(io, new Url(io.storeUrl.strip(), STORE_URL_OPTION), current(config));
    }

    private static Supplier<Optional<Named>> current(Supplier<CliConfig> config) {
        return () -> {
            CliConfig file = config.get();
            return file.current().map(context -> new Named(file.currentName(), context));
        };
    }

    private static ApiTarget resolve(Main io, Url url, Supplier<Optional<Named>> current) {
        if (io.tokenFile != null) {
            return new ApiTarget(url.value(), url.source(), readTokenFile(io.tokenFile),
                    "--token-file " + io.tokenFile, null);
        }
        String fromEnv = envValue(io, TOKEN_ENV);
        if (fromEnv != null) {
            return new ApiTarget(url.value(), url.source(), fromEnv, "env " + TOKEN_ENV, null);
        }
        return fromContext(url, current.get());
    }

    /**
     * The API URL with {@code context} in the place of the current context: {@code --api-url}, else env
     * {@value #URL_ENV}, else the context's, else {@value #DEFAULT_URL}.
     */
    static Url url(Main io, Supplier<Optional<Named>> context) {
        if (io.apiUrl != null && !io.apiUrl.isBlank()) {
            return new Url(io.apiUrl.strip(), "--api-url");
        }
        String fromEnv = envValue(io, URL_ENV);
        if (fromEnv != null) {
            return new Url(fromEnv, "env " + URL_ENV);
        }
        Optional<Named> named = context.get();
        if (named.isPresent() && named.get().context().apiUrl() != null
                && !named.get().context().apiUrl().isBlank()) {
            return new Url(named.get().context().apiUrl().strip(), "context " + named.get().name());
        }
        return new Url(DEFAULT_URL, "the default");
    }

    private static ApiTarget fromContext(Url url, Optional<Named> current) {
        if (current.isEmpty() || !current.get().context().hasToken()) {
            return new ApiTarget(url.value(), url.source(), null, null, null);
        }
        Named named = current.get();
        if (!sameUrl(url.value(), named.context().apiUrl())) {
            String note = "the current context " + named.name() + " has a token for " + named.context().apiUrl()
                    + "; it is not sent to " + url.value() + " (from " + url.source() + ")";
            return new ApiTarget(url.value(), url.source(), null, null, note);
        }
        return new ApiTarget(url.value(), url.source(), named.context().token().strip(), "context " + named.name(),
                null);
    }

    /** Whether two base URLs name the same API (trailing slashes and surrounding blanks aside). */
    static boolean sameUrl(String a, String b) {
        return a != null && b != null && normalized(a).equals(normalized(b));
    }

    /** {@code url} without surrounding blanks and trailing slashes. */
    static String normalized(String url) {
        String text = url.strip();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** An environment variable's value, stripped; {@code null} when unset or blank. */
    static String envValue(Main io, String name) {
        String value = io.env.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The token in {@code file}, stripped.
     *
     * @throws CliException if it cannot be read or is empty
     */
    static String readTokenFile(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new CliException("cannot read the API token: no such file " + file, e);
        } catch (IOException e) {
            throw new CliException("cannot read the API token from " + file + ": " + e.getMessage(), e);
        }
        if (token.isEmpty()) {
            throw new CliException("the API token file " + file + " is empty");
        }
        return token;
    }

    @Override
    public String toString() {
        return "ApiTarget[url=" + url + ", token=" + (token == null ? "none" : "<hidden> from " + tokenSource) + "]";
    }

    /** A context and its name. */
    record Named(String name, CliConfig.Context context) {
    }
}
