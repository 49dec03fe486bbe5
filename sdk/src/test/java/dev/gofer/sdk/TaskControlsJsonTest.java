package dev.gofer.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The run controls, queue timeout and retry policy of a task, as the builder writes them into the pipeline JSON. */
class TaskControlsJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldWriteEveryControlAndTheRetryObjectWhenAllAreSet() throws Exception {
        CustomTask task = CustomTask.of("upload", "alpine:3")
                .timeout(Duration.ofMinutes(10))
                .queueTimeout(Duration.ofMillis(1500))
                .cpus(0.5)
                .memoryMb(256)
                .networkMode("none")
                .retry(3, Duration.ofSeconds(10), 75, 137)
                .retryOnWorkerLost(2);

        JsonNode json = taskJson(task);

        assertThat(json.get("timeout_seconds").asLong()).isEqualTo(600);
        assertThat(json.get("queue_timeout_seconds").asLong()).as("rounded up, never shorter").isEqualTo(2);
        assertThat(json.get("cpus").asDouble()).isEqualTo(0.5);
        assertThat(json.get("memory_mb").asInt()).isEqualTo(256);
        assertThat(json.get("network_mode").asText()).isEqualTo("none");
        assertThat(json.get("retry")).isEqualTo(MAPPER.readTree("""
                {"max_attempts":3,"backoff_seconds":10,"exit_codes":[75,137],"on_worker_lost":2}"""));
        assertThat(Pipeline.of("pipe", "Pipe").tasks(task).validate()).isNotNull();
    }

    @Test
    void shouldWriteOnlyWhatIsSetWhenRetryingOnAnyExitOrOnlyOnWorkerLoss() throws Exception {
        JsonNode anyExit = taskJson(CustomTask.of("task", "img").retry(2, Duration.ZERO));
        JsonNode workerLostOnly = taskJson(CustomTask.of("task", "img").retryOnWorkerLost(0));

        assertThat(anyExit.get("retry"))
                .isEqualTo(MAPPER.readTree("{\"max_attempts\":2,\"backoff_seconds\":0,\"exit_codes\":[]}"));
        assertThat(workerLostOnly.get("retry")).isEqualTo(MAPPER.readTree("{\"on_worker_lost\":0}"));
        assertThat(anyExit.has("timeout_seconds")).isFalse();
    }

    @Test
    void shouldLeaveEveryControlOutWhenNoneIsSet() throws Exception {
        JsonNode json = taskJson(CustomTask.of("task", "img"));

        assertThat(json.has("timeout_seconds")).isFalse();
        assertThat(json.has("queue_timeout_seconds")).isFalse();
        assertThat(json.has("cpus")).isFalse();
        assertThat(json.has("memory_mb")).isFalse();
        assertThat(json.has("network_mode")).isFalse();
        assertThat(json.has("retry")).isFalse();
    }

    @Test
    void shouldNameTaskAndFieldWhenControlsAreOutOfRange() {
        Pipeline pipeline = Pipeline.of("pipe", "Pipe").tasks(CustomTask.of("bad", "img")
                .timeout(Duration.ZERO)
                .cpus(0)
                .memoryMb(5)
                .networkMode("overlay")
                .retry(11, Duration.ofSeconds(-1), 0)
                .retryOnWorkerLost(6));

        List<FieldError> errors = catchThrowableOfType(PipelineValidationException.class, pipeline::validate)
                .errors();

        assertThat(errors).extracting(FieldError::field).containsExactly("tasks[0].timeout_seconds",
                "tasks[0].cpus", "tasks[0].memory_mb", "tasks[0].network_mode", "tasks[0].retry.max_attempts",
                "tasks[0].retry.backoff_seconds", "tasks[0].retry.exit_codes[0]", "tasks[0].retry.on_worker_lost");
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).startsWith("task 'bad': "));
    }

    private static JsonNode taskJson(CustomTask task) throws Exception {
        return MAPPER.readTree(Pipeline.of("pipe", "Pipe").tasks(task).toJson()).get("tasks").get(0);
    }
}
