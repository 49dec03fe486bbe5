package dev.gofer.sdk;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.gofer.sdk.internal.Json;
import dev.gofer.sdk.internal.Problems;

/**
 * A client of Gofer's REST API ({@code /api/namespaces/...}). Thread-safe; create one and reuse it.
 *
 * <pre>{@code
 * GoferClient client = GoferClient.create("http://localhost:8080");
 * Config config = client.registerConfig("default", pipeline);
 * Run run = client.startRun("default", "simple", Map.of("GREETING", "hi"));
 * }</pre>
 *
 * Errors answered by the API throw {@link GoferApiException}; an unreachable API or an unreadable answer throws
 * {@link GoferException}.
 */
public final class GoferClient {

    /** Default time to establish a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default time to wait for a response; above the 10 s the API may spend creating a run. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final String token;
    private final Duration requestTimeout;
    private final HttpClient http;

    private GoferClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.token = builder.token;
        this.requestTimeout = builder.requestTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A client of the API at {@code baseUrl} (e.g. {@code http://localhost:8080}) with default timeouts. */
    public static GoferClient create(String baseUrl) {
        return builder(baseUrl).build();
    }

    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Validates {@code pipeline} and registers it as the pipeline's next config version.
     *
     * @throws PipelineValidationException if the pipeline is invalid (nothing is sent then)
     */
    public Config registerConfig(String namespace, Pipeline pipeline) {
        pipeline.validate();
        return registerConfig(namespace, pipeline.toJson());
    }

    /**
     * Registers pipeline JSON (as printed by {@link Pipeline#finish()}) as the next config version of the pipeline
     * named by its {@code id}; the server validates it.
     *
     * @throws PipelineValidationException if the text is not a JSON object with a valid {@code id}
     */
    public Config registerConfig(String namespace, String pipelineJson) {
        String pipelineId = pipelineIdOf(pipelineJson);
        HttpRequest request = request(pipelinePath(namespace, pipelineId) + "/configs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(pipelineJson, StandardCharsets.UTF_8))
                .build();
        return read(field(parse(send(request).body()), "config"), Config.class);
    }

    /** A config version of a pipeline; version 0 means the latest. */
    public Config getConfig(String namespace, String pipelineId, long version) {
        return read(field(get(pipelinePath(namespace, pipelineId) + "/configs/" + version), "config"), Config.class);
    }

    public PipelineMetadata getPipeline(String namespace, String pipelineId) {
        return read(field(get(pipelinePath(namespace, pipelineId)), "pipeline"), PipelineMetadata.class);
    }

    /**
     * Starts a run of the pipeline's latest config with extra run variables (they override task variables).
     *
     * @throws RunNotCreatedException if the API accepted the request but did not create the run within its wait time
     */
    public Run startRun(String namespace, String pipelineId, Map<String, String> variables) {
        String body = write(Map.of("variables", new TreeMap<>(variables == null ? Map.of() : variables)));
        HttpRequest request = request(pipelinePath(namespace, pipelineId) + "/runs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        Response response = send(request);
        JsonNode json = parse(response.body());
        if (response.status() == 202 && !json.has("run")) {
            throw new RunNotCreatedException(json.path("request_id").asText(""));
        }
        return read(field(json, "run"), Run.class);
    }

    public Run getRun(String namespace, String pipelineId, long runId) {
        return read(field(get(runPath(namespace, pipelineId, runId)), "run"), Run.class);
    }

    /** The task runs of a run. */
    public List<TaskRun> listTaskRuns(String namespace, String pipelineId, long runId) {
        JsonNode taskRuns = field(get(runPath(namespace, pipelineId, runId) + "/tasks"), "task_runs");
        return List.of(read(taskRuns, TaskRun[].class));
    }

    public TaskRun getTaskRun(String namespace, String pipelineId, long runId, String taskId) {
        return read(field(get(taskPath(namespace, pipelineId, runId, taskId)), "task_run"), TaskRun.class);
    }

    /** Every stored log line of a task run, each followed by {@code \n}, in order. */
    public String getTaskLogs(String namespace, String pipelineId, long runId, String taskId) {
        HttpRequest request = request(taskPath(namespace, pipelineId, runId, taskId) + "/logs")
                .header("Accept", "text/plain")
                .GET()
                .build();
        return send(request).body();
    }

    private JsonNode get(String path) {
        return parse(send(request(path).GET().build()).body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", "gofer-java-sdk");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GoferException("cannot reach the Gofer API at " + baseUrl + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GoferException("interrupted while calling the Gofer API", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw Problems.toException(response.statusCode(), response.body());
        }
        return new Response(response.statusCode(), response.body());
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.ConnectException && (e.getMessage() == null || e.getMessage().isBlank())) {
            return "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new GoferException("the Gofer API answered with invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode field(JsonNode json, String name) {
        JsonNode value = json == null ? null : json.get(name);
        if (value == null || value.isNull()) {
            throw new GoferException("the Gofer API answer has no \"" + name + "\"");
        }
        return value;
    }

    private static <T> T read(JsonNode json, Class<T> type) {
        try {
            return Json.mapper().treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new GoferException("cannot read " + type.getSimpleName() + " from the Gofer API: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new GoferException("cannot write JSON", e);
        }
    }

    private static String pipelineIdOf(String pipelineJson) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(pipelineJson);
        } catch (JsonProcessingException e) {
            throw new PipelineValidationException("?",
                    List.of(new FieldError("", "not valid JSON: " + e.getOriginalMessage())));
        }
        JsonNode id = json == null ? null : json.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new PipelineValidationException("?", List.of(new FieldError("id", "is required")));
        }
        return id.asText();
    }

    private static String pipelinePath(String namespace, String pipelineId) {
        return "/api/namespaces/" + segment(namespace) + "/pipelines/" + segment(pipelineId);
    }

    private static String runPath(String namespace, String pipelineId, long runId) {
        return pipelinePath(namespace, pipelineId) + "/runs/" + runId;
    }

    private static String taskPath(String namespace, String pipelineId, long runId, String taskId) {
        return runPath(namespace, pipelineId, runId) + "/tasks/" + segment(taskId);
    }

    private static String segment(String value) {
        Objects.requireNonNull(value, "path segment");
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Response(int status, String body) {
    }

    /** Options of a {@link GoferClient}. */
    public static final class Builder {

        private final String baseUrl;
        private String token;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

        private Builder(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            String trimmed = baseUrl.strip();
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            URI uri = URI.create(trimmed);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("the API URL must start with http:// or https://, was " + baseUrl);
            }
            this.baseUrl = trimmed;
        }

        /** Sends {@code Authorization: Bearer <token>} with every request. */
        public Builder token(String token) {
            this.token = token == null || token.isBlank() ? null : token;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        public GoferClient build() {
            return new GoferClient(this);
        }
    }
}
