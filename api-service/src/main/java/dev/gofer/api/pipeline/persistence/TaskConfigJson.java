package dev.gofer.api.pipeline.persistence;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.hibernate.annotations.Immutable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import dev.gofer.events.EventCodec;

/**
 * How task configs are stored: JSON text in the contract's format (snake_case). Read once when an entity is loaded,
 * so code that walks a run's DAG works on {@link TaskConfig} values, never on JSON. The values are immutable records,
 * so Hibernate compares them by value and keeps no JSON copy for dirty checking.
 */
public final class TaskConfigJson {

    private static final TypeReference<List<TaskConfig>> TASKS = new TypeReference<>() {
    };

    private TaskConfigJson() {
    }

    /** One task config: the snapshot a task run was created with. */
    @Converter
    @Immutable
    public static class One implements AttributeConverter<TaskConfig, String> {

        @Override
        public String convertToDatabaseColumn(TaskConfig task) {
            return write(task);
        }

        @Override
        public TaskConfig convertToEntityAttribute(String json) {
            try {
                return EventCodec.mapper().readValue(json, TaskConfig.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored task config cannot be read", e);
            }
        }
    }

    /** The task list of a config version, in the order the user wrote it. */
    @Converter
    @Immutable
    public static class Many implements AttributeConverter<List<TaskConfig>, String> {

        @Override
        public String convertToDatabaseColumn(List<TaskConfig> tasks) {
            return write(List.copyOf(tasks));
        }

        @Override
        public List<TaskConfig> convertToEntityAttribute(String json) {
            try {
                return List.copyOf(EventCodec.mapper().readValue(json, TASKS));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored task list cannot be read", e);
            }
        }
    }

    private static String write(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
