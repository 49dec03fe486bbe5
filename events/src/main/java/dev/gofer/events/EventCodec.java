package dev.gofer.events;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON for envelopes: snake_case field names, ISO-8601 instants, unknown fields ignored (changes are additive). A
 * record that does not satisfy the contract is rejected with an {@link InvalidEventException} naming the reason.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventCodec() {
    }

    /** The mapper used for the contract, for code that reads or writes payload JSON directly. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(Envelope<?> envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + envelope.type(), e);
        }
    }

    public static String encodeToString(Envelope<?> envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + envelope.type(), e);
        }
    }

    /** Decodes any registered envelope; the payload's class follows from {@code type}. */
    public static Envelope<?> decode(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException("empty record value");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidEventException("malformed JSON: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventException("record value is not a JSON object");
        }
        String type = text(root, "type");
        EventTypes.Registration reg = EventTypes.byType(type)
                .orElseThrow(() -> new InvalidEventException("unknown event type '" + type + "'"));
        JsonNode versionNode = root.get("version");
        if (versionNode == null || !versionNode.canConvertToInt()) {
            throw new InvalidEventException("field 'version' is required and must be an integer");
        }
        int version = versionNode.intValue();
        if (version < 1 || version > reg.version()) {
            throw new InvalidEventException(
                    "unsupported version " + version + " of '" + type + "' (this build reads 1.." + reg.version()
                            + ")");
        }
        try {
            EventPayload payload = MAPPER.treeToValue(root.get("payload"), reg.payloadClass());
            if (payload instanceof DomainEvent event && !type.equals(event.kind())) {
                throw new InvalidEventException("payload kind '" + event.kind() + "' differs from type '" + type
                        + "'");
            }
            return new Envelope<>(text(root, "event_id"), type, version,
                    MAPPER.treeToValue(root.get("occurred_at"), java.time.Instant.class), text(root, "key"), payload);
        } catch (InvalidEventException e) {
            throw new InvalidEventException("invalid '" + type + "': " + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidEventException("invalid '" + type + "': " + reason(e), e);
        }
    }

    /** Decodes and checks that the payload is of the expected family, e.g. {@code RunEvent.class}. */
    @SuppressWarnings("unchecked")
    public static <T extends EventPayload> Envelope<? extends T> decode(byte[] json, Class<T> family) {
        Envelope<?> envelope = decode(json);
        if (!family.isInstance(envelope.payload())) {
            throw new InvalidEventException(
                    "event type '" + envelope.type() + "' does not belong on a topic of " + family.getSimpleName());
        }
        return (Envelope<? extends T>) envelope;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
            throw new InvalidEventException("field '" + field + "' is required");
        }
        return node.asText();
    }

    /** The contract violation behind a Jackson failure, or Jackson's own first line. */
    private static String reason(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException invalid) {
                return invalid.getMessage();
            }
        }
        return firstLine(e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
                ? jpe.getOriginalMessage()
                : e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
