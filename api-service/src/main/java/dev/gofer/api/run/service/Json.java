package dev.gofer.api.run.service;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import dev.gofer.events.EventCodec;
import dev.gofer.events.Variable;

/** JSON columns of runs and task runs, in the contract's format (snake_case). */
final class Json {

    private static final TypeReference<List<Variable>> VARIABLES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private Json() {
    }

    static String write(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Variable> variables(String json) {
        return read(json, VARIABLES);
    }

    static Map<String, String> stringMap(String json) {
        return read(json, STRING_MAP);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }
}
