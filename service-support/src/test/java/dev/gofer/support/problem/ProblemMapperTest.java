package dev.gofer.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    record Body(String name, int parallelism, List<Item> items) {
    }

    record Item(int size) {
    }

    @Test
    void shouldCarryStatusTypeTitleAndFieldsWhenDomainRefuses() {
        ProblemException e = new ProblemException(400, "Invalid pipeline config", "tasks[0].id: is required",
                List.of(new FieldError("tasks[0].id", "is required")));

        Problem p = body(mapper.domain(e, null), 400);

        assertThat(p.type()).isEqualTo("urn:gofer:problem:invalid-pipeline-config");
        assertThat(p.title()).isEqualTo("Invalid pipeline config");
        assertThat(p.detail()).isEqualTo("tasks[0].id: is required");
        assertThat(p.errors()).containsExactly(new FieldError("tasks[0].id", "is required"));
    }

    @Test
    void shouldNameTheFieldButNotTheValueWhenJsonHasWrongType() {
        JsonProcessingException e = parseError("{\"name\":\"x\",\"parallelism\":\"secret-lots\"}");

        Problem p = body(mapper.unreadableBody(e, null), 400);

        assertThat(p.type()).isEqualTo("urn:gofer:problem:invalid-request");
        assertThat(p.detail()).isEqualTo("parallelism: has the wrong type or format").doesNotContain("secret");
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("parallelism");
    }

    @Test
    void shouldNameNestedIndexedFieldWhenJsonHasWrongTypeDeepInside() {
        JsonProcessingException e = parseError("{\"items\":[{\"size\":1},{\"size\":\"big\"}]}");

        Problem p = body(mapper.unreadableBody(e, null), 400);

        assertThat(p.errors()).extracting(FieldError::field).containsExactly("items[1].size");
    }

    @Test
    void shouldSayBodyIsNotJsonWhenItDoesNotParse() {
        JsonProcessingException e = parseError("{\"name\": ");

        Problem p = body(mapper.unreadableBody(e, null), 400);

        assertThat(p.title()).isEqualTo("Malformed request body");
        assertThat(p.detail()).isEqualTo("body: is not valid JSON");
    }

    @Test
    void shouldKeepStatusAndReasonWhenFrameworkAnswersClientError() {
        Problem p = body(mapper.http(new NotFoundException(), null), 404);

        assertThat(p.type()).isEqualTo("urn:gofer:problem:not-found");
        assertThat(p.title()).isEqualTo("Not Found");
        assertThat(p.errors()).isEmpty();
    }

    @Test
    void shouldHideDetailsWhenFrameworkFailsWithServerError() {
        Problem p = body(mapper.http(new WebApplicationException("db password wrong at Foo.java:12", 503), null),
                500);

        assertThat(p.detail()).isEqualTo("the server could not complete the request");
    }

    @Test
    void shouldNeverShowClassNamesWhenUnexpectedErrorOccurs() {
        Problem p = body(mapper.unexpected(new IllegalStateException("java.lang.NullPointerException"), null), 500);

        assertThat(p.type()).isEqualTo("urn:gofer:problem:internal-error");
        assertThat(p.detail()).doesNotContain("java.", "Exception");
    }

    @Test
    void shouldConvertCamelCaseToSnakeCaseWhenNamingFields() {
        assertThat(ProblemMapper.snakeCase("subscriptionId")).isEqualTo("subscription_id");
        assertThat(ProblemMapper.snakeCase("key")).isEqualTo("key");
    }

    private static Problem body(Response response, int status) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        return (Problem) response.getEntity();
    }

    private static JsonProcessingException parseError(String json) {
        try {
            new ObjectMapper().readValue(json, Body.class);
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("expected " + json + " not to map");
    }
}
