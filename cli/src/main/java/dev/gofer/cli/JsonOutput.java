package dev.gofer.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** {@code -o json}: the API's objects, written back in the API's snake_case shape. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonOutput() {
    }

    /** Prints {@code {"<name>": value, ...}} for alternating names and values. */
    static void print(PrintWriter out, Object... namesAndValues) {
        Map<String, Object> document = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            document.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        try {
            out.println(MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new CliException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
