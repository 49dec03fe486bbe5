package dev.gofer.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Field checks for record constructors; a failure names the field, and decoding turns it into a clear reason. */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidEventException("field '" + field + "' is required");
        }
        return value;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("field '" + field + "' is required and must not be blank");
        }
        return value;
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    static <K, V> Map<K, V> map(Map<K, V> value) {
        return value == null ? Map.of() : Map.copyOf(value);
    }

    static void noNulls(Collection<?> values, String field) {
        for (Object v : values) {
            if (v == null) {
                throw new InvalidEventException("field '" + field + "' must not contain null");
            }
        }
    }
}
