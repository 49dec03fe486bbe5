package dev.gofer.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SecretBodyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode parse(char[] value) throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("key", "k");
        fields.put("force", true);
        try (SecretBody body = SecretBody.of(value, fields)) {
            return MAPPER.readTree(body.text());
        }
    }

    @Test
    void shouldReadBackEveryKindOfCharacterWhenParsedAsJson() throws Exception {
        String value = "plain \"quoted\" back\\slash \n\r\t\u0000\u001f é € 😀 \u007f end";

        JsonNode json = parse(value.toCharArray());

        assertThat(json.get("content").asText()).isEqualTo(value);
        assertThat(json.get("key").asText()).isEqualTo("k");
        assertThat(json.get("force").asBoolean()).isTrue();
    }

    @Test
    void shouldCarryALoneSurrogateAsAnEscapeWhenTheValueHasOne() throws Exception {
        char[] value = {'a', '\ud800', 'b'};

        assertThat(parse(value).get("content").asText()).isEqualTo(new String(value));
    }

    @Test
    void shouldSendAnEmptyValueWhenTheValueIsEmpty() throws Exception {
        assertThat(parse(new char[0]).get("content").asText()).isEmpty();
    }

    @Test
    void shouldZeroTheBytesWhenClosed() {
        SecretBody body = SecretBody.of("s3cret".toCharArray(), Map.of("key", "k"));

        body.close();

        assertThat(body.text()).doesNotContain("s3cret").matches("\u0000+");
    }
}
