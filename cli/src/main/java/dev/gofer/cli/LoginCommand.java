package dev.gofer.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Token;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gofer login [--api-url URL] [--context NAME] [--token-file F]}: checks a token with the API and saves it, with
 * the URL, as the current context of the CLI config.
 */
// @formatter:off
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {
            "Check an API token and save it with the API URL as a context of the CLI config, made the current one.",
            "%nThe token comes from --token-file, else from standard input when that is not a terminal, else it is "
                + "asked for without echo; never from the command line:",
            "  gofer login --api-url https://gofer.example.com --token-file ~/gofer.token",
            "  pass show gofer | gofer login --api-url https://gofer.example.com --context prod",
            "%nThe token is checked with GET /api/tokens/whoami; a refused token saves nothing. The URL defaults as "
                + "for every command (env GOFER_API_URL, else the context's URL, else http://localhost:8080)." })
// @formatter:on
class LoginCommand extends GoferCommand {

    /** Far more than a token; a larger standard input is a mistake (a wrong file piped in). */
    static final int MAX_TOKEN_BYTES = 64 * 1024;

    @Option(names = "--context", paramLabel = "<name>", description = "Name of the context to save (default: the URL's host:port).")
    String contextName;

    private String tokenSource;

    @Override
    int execute() {
        if (contextName != null && contextName.isBlank()) {
            throw usage("--context must not be blank");
        }
        CliConfig config = config();
        ApiTarget.Url url = ApiTarget.url(globals(), () -> existing(config));
        String token = readToken(url.value());
        GoferClient client = client(new ApiTarget(url.value(), url.source(), token, tokenSource, null));
        Token caller = client.whoami();
        String name = contextName == null ? defaultName(client.baseUrl()) : contextName.strip();
        config.put(name, new CliConfig.Context(client.baseUrl(), token));
        config.use(name);
        config.save();
        if (jsonOutput()) {
            JsonOutput.print(out(), "context", ContextView.of(config, name), "token", caller);
        } else {
            out().println("logged in to " + client.baseUrl() + " as " + style().bold(caller.user()) + " (token "
                    + caller.id() + "), context " + style().bold(name));
        }
        return EXIT_OK;
    }

    @Override
    List<String> unauthorizedHints(ApiTarget target) {
        return List.of("  (the API refused the token from " + tokenSource + "; nothing was saved)");
    }

    /** The context being logged in to, if it exists: the one named by {@code --context}, else the current one. */
    private Optional<ApiTarget.Named> existing(CliConfig config) {
        String name = contextName == null ? config.currentName() : contextName.strip();
        return name == null
                ? Optional.empty()
                : config.context(name).map(context -> new ApiTarget.Named(name, context));
    }

    private String readToken(String url) {
        Main io = globals();
        String token;
        if (io.tokenFile != null) {
            tokenSource = "--token-file " + io.tokenFile;
            token = ApiTarget.readTokenFile(io.tokenFile);
        } else if (!io.terminal.interactive()) {
            tokenSource = "standard input";
            token = readStdin(io);
        } else {
            tokenSource = "the terminal";
            char[] typed = io.terminal.readHidden("API token for " + url + ": ");
            token = new String(typed).strip();
            Arrays.fill(typed, '\0');
        }
        if (token.isEmpty()) {
            throw new CliException("no token given on " + tokenSource + " (pipe it in, or give --token-file)");
        }
        return token;
    }

    private static String readStdin(Main io) {
        byte[] bytes;
        try {
            bytes = io.stdin.readNBytes(MAX_TOKEN_BYTES + 1);
        } catch (IOException e) {
            throw new CliException("cannot read the token from standard input: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_TOKEN_BYTES) {
            throw new CliException("standard input is larger than " + MAX_TOKEN_BYTES + " bytes: not a token");
        }
        return new String(bytes, StandardCharsets.UTF_8).strip();
    }

    /** {@code host:port} of {@code url}, the port defaulting to the scheme's (80, 443). */
    static String defaultName(String url) {
        URI uri = URI.create(url);
        if (uri.getHost() == null) {
            return url;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }
}
