package dev.gofer.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.gofer.sdk.CreatedToken;
import dev.gofer.sdk.Token;

/** How the token commands show tokens for people: details only; a secret only right after it was made. */
final class TokenText {

    private TokenText() {
    }

    /** A key/value block of {@code token}'s details. */
    static void print(Token token, PrintWriter out, Style style) {
        Table.plain()
                .row("id", token.id())
                .row("user", token.user())
                .row("kind", token.kind())
                .row("roles", list(token.roles()))
                .row("namespaces", list(token.namespaces()))
                .row("metadata", metadata(token.metadata()))
                .row("created", Times.at(token.created()))
                .row("expires", never(token.expires()))
                .row("disabled", yesNo(token.disabled()))
                .row("last used", never(token.lastUsed()))
                .print(out, style);
    }

    /**
     * A token just made: the secret alone on {@code out} (so {@code > file} keeps only it), what it is and a reminder
     * to keep it on {@code err}.
     */
    static void printCreated(CreatedToken created, String what, PrintWriter out, PrintWriter err) {
        Token token = created.token();
        err.println(what + " " + token.id() + " for " + token.user() + " (roles " + list(token.roles())
                + "; namespaces " + list(token.namespaces()) + "; expires " + never(token.expires()) + "):");
        err.flush();
        out.println(created.secret());
        out.flush();
        err.println("keep this secret now: it is shown only this once (Gofer keeps only its hash)");
    }

    /** Comma-separated, {@code -} when empty. */
    static String list(List<String> values) {
        return values == null || values.isEmpty() ? "-" : String.join(",", values);
    }

    static String metadata(Map<String, String> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return "-";
        }
        return new TreeMap<>(metadata).entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** An epoch-millisecond time, {@code never} for 0. */
    static String never(long epochMillis) {
        return epochMillis <= 0 ? "never" : Times.at(epochMillis);
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
