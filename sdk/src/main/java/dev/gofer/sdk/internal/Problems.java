package dev.gofer.sdk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.gofer.sdk.FieldError;
import dev.gofer.sdk.GoferApiException;

/** Turns an error response (ideally {@code application/problem+json}) into a {@link GoferApiException}. */
public final class Problems {

    private static final int MAX_DETAIL = 500;
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"), Map.entry(413, "Content Too Large"),
            Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Content"), Map.entry(500, "Internal Server Error"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private Problems() {
    }

    public static GoferApiException toException(int status, String body) {
        String fallbackTitle = REASONS.getOrDefault(status, "HTTP " + status);
        JsonNode problem = parseObject(body);
        if (problem == null) {
            String detail = body == null || body.isBlank() ? null : truncate(body.strip());
            return new GoferApiException(status, fallbackTitle, detail, null, null, List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            errors.add(new FieldError(text(error, "field"), text(error, "message")));
        }
        String title = text(problem, "title");
        return new GoferApiException(status, title == null || title.isBlank() ? fallbackTitle : title,
                text(problem, "detail"), text(problem, "type"), text(problem, "instance"), errors);
    }

    private static JsonNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
