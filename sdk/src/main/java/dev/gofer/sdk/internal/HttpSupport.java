package dev.gofer.sdk.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.gofer.sdk.GoferException;

/**
 * What the REST clients share: base URLs, path segments, I/O error texts and reading JSON answers. {@code who} names
 * the server in messages, e.g. {@code "Gofer API"} or {@code "Gofer store"}.
 */
public final class HttpSupport {

    private HttpSupport() {
    }

    /**
     * {@code url} without surrounding blanks and trailing slashes.
     *
     * @throws IllegalArgumentException if it is not an {@code http://} or {@code https://} URL
     */
    public static String baseUrl(String url, String what) {
        Objects.requireNonNull(url, "baseUrl");
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " URL is not a URL: " + url, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("the " + what + " URL must start with http:// or https://, was " + url);
        }
        return trimmed;
    }

    /** One URL path segment, percent-encoded ({@code " "} as {@code %20}). */
    public static String segment(String value) {
        Objects.requireNonNull(value, "path segment");
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A short text for an I/O failure ({@code connection refused} for a refused connection without a message). */
    public static String describe(IOException e) {
        if (e instanceof ConnectException && (e.getMessage() == null || e.getMessage().isBlank())) {
            return "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The JSON of an answer, {@code null} for an empty one. */
    public static JsonNode parse(String body, String who) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new GoferException("the " + who + " answered with invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The field {@code name} of an answer, which must be there. */
    public static JsonNode field(JsonNode json, String name, String who) {
        JsonNode value = json == null ? null : json.get(name);
        if (value == null || value.isNull()) {
            throw new GoferException("the " + who + " answer has no \"" + name + "\"");
        }
        return value;
    }

    public static <T> T read(JsonNode json, Class<T> type, String who) {
        try {
            return Json.mapper().treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new GoferException("cannot read " + type.getSimpleName() + " from the " + who + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    public static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new GoferException("cannot write JSON", e);
        }
    }
}
