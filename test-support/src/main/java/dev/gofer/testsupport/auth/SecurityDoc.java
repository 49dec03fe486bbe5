package dev.gofer.testsupport.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.gofer.support.auth.RouteTable;

/**
 * The route tables of {@code docs/security.md}, generated from the code: each service's block sits between
 * {@code <!-- routes:<service> -->} and {@code <!-- /routes:<service> -->}. {@link #check} answers the difference (a
 * test fails on it); with {@code -Dgofer.docs.update=true} it writes the block instead.
 */
public final class SecurityDoc {

    private SecurityDoc() {
    }

    /** The repository's {@code docs/security.md}, from a module's working directory. */
    public static Path file() {
        return Path.of(System.getProperty("gofer.repo.root", "..")).resolve("docs/security.md").toAbsolutePath()
                .normalize();
    }

    /** The block of {@code service} as the code says it should read. */
    public static String render(String service, RouteTable table) {
        StringBuilder out = new StringBuilder("| method | path | needs | declared by |\n|---|---|---|---|\n");
        for (RouteTable.Route route : table.routes()) {
            out.append("| ").append(route.method()).append(" | `").append(route.path()).append("` | ")
                    .append(route.rule().describe()).append(" | `").append(route.declaredBy()).append("` |\n");
        }
        return out.toString();
    }

    /**
     * Empty when {@code doc} holds the block as rendered; otherwise what is stale. Writes the block when
     * {@code gofer.docs.update} is {@code true}.
     */
    public static String check(Path doc, String service, RouteTable table) throws IOException {
        String open = "<!-- routes:" + service + " -->\n";
        String close = "<!-- /routes:" + service + " -->";
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int start = text.indexOf(open);
        int end = text.indexOf(close);
        if (start < 0 || end < start) {
            return doc + " has no block " + open.trim() + " ... " + close;
        }
        String expected = render(service, table);
        String actual = text.substring(start + open.length(), end);
        if (actual.equals(expected)) {
            return "";
        }
        if (Boolean.getBoolean("gofer.docs.update")) {
            Files.writeString(doc, text.substring(0, start + open.length()) + expected + text.substring(end),
                    StandardCharsets.UTF_8);
            return "";
        }
        return "the routes of " + service + " in " + doc + " are stale; regenerate with"
                + " -Dgofer.docs.update=true. Expected:\n" + expected + "\nFound:\n" + actual;
    }
}
