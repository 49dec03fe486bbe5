package dev.gofer.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.gofer.sdk.CreatedToken;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gofer token create --user U [--namespaces RE,...] [--role R]... [--expires D] [--metadata K=V]...}. The
 * namespace patterns are {@code --namespaces}, as for {@code secret global put}: {@code --namespace} is the global
 * {@code -n} option.
 */
// @formatter:off
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {
            "Make a token for a user (admin only).",
            "%nIts secret is printed this once, alone on standard output:",
            "  gofer token create --user alice --namespaces 'team-.*' --role user --expires 30d > alice.token" })
// @formatter:on
class TokenCreateCommand extends GoferCommand {

    static final String DEFAULT_ROLE = "user";

    @Option(names = "--user", required = true, paramLabel = "<user>", description = "Who the token is for.")
    String user;

    /** Split at commas, but not inside a {@code {m,n}} quantifier. */
    // @formatter:off (the house formatter does not wrap annotation arguments)
    @Option(names = "--namespaces", paramLabel = "<regex>", split = ",(?![^{]*\\})", splitSynopsisLabel = ",",
            description = "Namespaces it may reach: regular expressions, each matched against the whole namespace "
                + "id, comma-separated or repeated (default: the -n namespace, default).")
    List<String> namespaces;

    @Option(names = "--role", paramLabel = "<role>", split = ",",
            description = "Its roles: admin, user, viewer or a custom role; comma-separated or repeated "
                + "(default: user).")
    List<String> roles;

    @Option(names = "--expires", paramLabel = "<duration>", converter = ExpiresConverter.class,
            description = "Lifetime: 90s, 30m, 12h, 30d, or 0 for never (default: 0).")
    Duration expires = Duration.ZERO;

    @Option(names = "--metadata", paramLabel = "<key=value>",
            description = "Free key/value to keep with it (repeatable), e.g. --metadata purpose=ci.")
    Map<String, String> metadata;
    // @formatter:on

    @Override
    int execute() {
        CreatedToken created = client().createToken(user, orDefault(namespaces, namespace()),
                orDefault(roles, DEFAULT_ROLE), expires.isZero() ? null : expires,
                metadata == null ? Map.of() : metadata);
        if (jsonOutput()) {
            JsonOutput.print(out(), "secret", created.secret(), "token", created.token());
        } else {
            TokenText.printCreated(created, "created token", out(), err());
        }
        return EXIT_OK;
    }

    private static List<String> orDefault(List<String> values, String fallback) {
        return values == null || values.isEmpty() ? List.of(fallback) : values;
    }
}
