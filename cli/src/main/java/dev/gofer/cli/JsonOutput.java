package dev.gofer.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** {@code -o json}: the API's objects, written back in the API's snake_case shape (instants as ISO-8601). */
final class JsonOutput {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private JsonOutput() {
    }

    /** Prints {@code {"<name>": value, ...}} for alternating names and values, indented. */
    static void print(PrintWriter out, Object... namesAndValues) {
        Map<String, Object> document = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            document.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        out.println(write(document, true));
    }

    /** Prints {@code value} as one compact line (for streams: one JSON document per line). */
    static void line(PrintWriter out, Object value) {
        out.println(write(value, false));
    }

    /** {@code value} as compact JSON. */
    static String compact(Object value) {
        return write(value, false);
    }

    private static String write(Object value, boolean indent) {
        try {
            return indent
                    ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value)
                    : MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new CliException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
