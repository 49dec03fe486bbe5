package dev.gofer.sdk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.gofer.sdk.internal.HttpSupport;
import dev.gofer.sdk.internal.Json;
import dev.gofer.sdk.internal.Problems;
import dev.gofer.sdk.internal.SseConnection;
import dev.gofer.sdk.internal.SseEvent;
import dev.gofer.sdk.internal.SseParser;
import dev.gofer.sdk.internal.Timestamps;

/**
 * A client of Gofer's REST API ({@code /api/namespaces/...}). Thread-safe; create one and reuse it.
 *
 * <pre>{@code
 * GoferClient client = GoferClient.create("http://localhost:8080");
 * Config config = client.registerConfig("default", pipeline); // registers and deploys
 * Run run = client.startRun("default", "simple", Map.of("GREETING", "hi"));
 * client.followTaskLogs("default", "simple", run.runId(), "simple_task", 0, line -> System.out.println(line.text()));
 * }</pre>
 *
 * Errors answered by the API throw {@link GoferApiException}; an unreachable API or an unreadable answer throws
 * {@link GoferException}. The streaming methods ({@link #followTaskLogs}, {@link #followEvents},
 * {@link #listEvents}) block the calling thread, call the consumer on it, reconnect after a dropped connection with
 * {@code Last-Event-ID} and stop with a {@link GoferException} when the thread is interrupted.
 */
public final class GoferClient {

    /** Default time to establish a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default time to wait for a response; above the 10 s the API may spend creating a run. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Default wait before reconnecting a dropped stream, unless the server asked for another with {@code retry:}. */
    public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofSeconds(1);
    /** Connection attempts in a row that may fail (or deliver nothing) before a stream gives up. */
    public static final int MAX_STREAM_ATTEMPTS = 5;
    /** The API's default {@code limit} of lists. */
    public static final int DEFAULT_LIMIT = 50;

    /** Names the server in error messages. */
    private static final String WHO = "Gofer API";

    /** A listing stream's quiet time when the caller waits for the API to end it. */
    private static final Duration NO_QUIET = Duration.ofDays(365);

    private final String baseUrl;
    private final String token;
    private final Duration requestTimeout;
    private final Duration reconnectDelay;
    private final HttpClient http;

    private GoferClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.token = builder.token;
        this.requestTimeout = builder.requestTimeout;
        this.reconnectDelay = builder.reconnectDelay;
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

    // ---------------------------------------------------------------------------------------------- namespaces

    /** Every namespace. */
    public List<Namespace> listNamespaces() {
        return List.of(read(field(get("/api/namespaces"), "namespaces"), Namespace[].class));
    }

    public Namespace getNamespace(String namespaceId) {
        return read(field(get(namespacePath(namespaceId)), "namespace"), Namespace.class);
    }

    /**
     * Creates a namespace.
     *
     * @throws GoferApiException with status 409 if it exists, 400 for a bad id (3–32 of {@code [A-Za-z0-9_-]})
     */
    public Namespace createNamespace(String namespaceId, String name, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", Objects.requireNonNull(namespaceId, "namespaceId"));
        body.put("name", name);
        body.put("description", description);
        return read(field(send("POST", "/api/namespaces", body), "namespace"), Namespace.class);
    }

    /** Changes a namespace's name and/or description; {@code null} leaves a field as it is. */
    public Namespace updateNamespace(String namespaceId, String name, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        if (description != null) {
            body.put("description", description);
        }
        return read(field(send("PATCH", namespacePath(namespaceId), body), "namespace"), Namespace.class);
    }

    /**
     * Deletes a namespace with its pipelines, configs and runs.
     *
     * @throws GoferApiException with status 409 while it has unfinished runs, 400 for {@code default}
     */
    public void deleteNamespace(String namespaceId) {
        delete(namespacePath(namespaceId));
    }

    // -------------------------------------------------------------------------------------------- tokens, roles

    /**
     * Makes the installation's first admin token; needs no token, and works once.
     *
     * @throws GoferApiException with status 409 once it was made
     */
    public CreatedToken bootstrapToken() {
        return read(send("POST", "/api/tokens/bootstrap", null), CreatedToken.class);
    }

    /**
     * Makes a token for {@code user} (admin only).
     *
     * @param namespaces anchored patterns of the namespaces it may reach ({@code default}, {@code team-.*})
     * @param roles {@code admin}, {@code user}, {@code viewer} or custom roles
     * @param expires its lifetime, {@code null} for never
     * @param metadata free key/values ({@code null}: none)
     */
    public CreatedToken createToken(String user, List<String> namespaces, List<String> roles, Duration expires,
            Map<String, String> metadata) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", Objects.requireNonNull(user, "user"));
        body.put("namespaces", namespaces);
        body.put("roles", roles);
        body.put("expires", expires == null ? 0 : Math.max(1, expires.toSeconds()));
        body.put("metadata", metadata == null ? Map.of() : metadata);
        return read(send("POST", "/api/tokens", body), CreatedToken.class);
    }

    /** Every token but run-scoped ones (admin only). */
    public List<Token> listTokens() {
        return List.of(read(field(get("/api/tokens"), "tokens"), Token[].class));
    }

    public Token getToken(String tokenId) {
        return read(field(get("/api/tokens/" + segment(tokenId)), "token"), Token.class);
    }

    /** The token this client sends. */
    public Token whoami() {
        return read(field(get("/api/tokens/whoami"), "token"), Token.class);
    }

    /** Disables or enables a token (admin only; not the caller's own). Every service refuses it within 5 s. */
    public Token setTokenDisabled(String tokenId, boolean disabled) {
        return read(field(send("PATCH", "/api/tokens/" + segment(tokenId), Map.of("disabled", disabled)), "token"),
                Token.class);
    }

    /** Deletes a token (admin only; not the caller's own). */
    public void deleteToken(String tokenId) {
        delete("/api/tokens/" + segment(tokenId));
    }

    /** The system roles, then custom ones. */
    public List<Role> listRoles() {
        return List.of(read(field(get("/api/roles"), "roles"), Role[].class));
    }

    public Role getRole(String roleId) {
        return read(field(get("/api/roles/" + segment(roleId)), "role"), Role.class);
    }

    /** Makes a custom role (admin only). */
    public Role createRole(String roleId, String description, List<Role.Permission> permissions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", Objects.requireNonNull(roleId, "roleId"));
        body.put("description", description);
        body.put("permissions", permissions);
        return read(field(send("POST", "/api/roles", body), "role"), Role.class);
    }

    /** Deletes a custom role that no token holds (admin only). */
    public void deleteRole(String roleId) {
        delete("/api/roles/" + segment(roleId));
    }

    // ----------------------------------------------------------------------------------------------- pipelines

    /** Every pipeline of a namespace. */
    public List<PipelineMetadata> listPipelines(String namespace) {
        JsonNode pipelines = field(get(namespacePath(namespace) + "/pipelines"), "pipelines");
        return List.of(read(pipelines, PipelineMetadata[].class));
    }

    public PipelineMetadata getPipeline(String namespace, String pipelineId) {
        return read(field(get(pipelinePath(namespace, pipelineId)), "pipeline"), PipelineMetadata.class);
    }

    /** Makes a disabled pipeline accept runs again. */
    public PipelineMetadata enablePipeline(String namespace, String pipelineId) {
        return setPipelineState(namespace, pipelineId, PipelineState.ACTIVE);
    }

    /** Makes a pipeline refuse new runs (the API answers them with 409). */
    public PipelineMetadata disablePipeline(String namespace, String pipelineId) {
        return setPipelineState(namespace, pipelineId, PipelineState.DISABLED);
    }

    /**
     * Deletes a pipeline with its configs and runs.
     *
     * @throws GoferApiException with status 409 while it has unfinished runs
     */
    public void deletePipeline(String namespace, String pipelineId) {
        delete(pipelinePath(namespace, pipelineId));
    }

    private PipelineMetadata setPipelineState(String namespace, String pipelineId, PipelineState state) {
        JsonNode answer = send("PATCH", pipelinePath(namespace, pipelineId), Map.of("state", state.wire()));
        return read(field(answer, "pipeline"), PipelineMetadata.class);
    }

    // ------------------------------------------------------------------------------------------------- configs

    /**
     * Validates {@code pipeline}, registers it as the pipeline's next config version and deploys it (it becomes
     * {@code live}, so new runs use it) — what {@code gofer pipeline register} does.
     *
     * @throws PipelineValidationException if the pipeline is invalid (nothing is sent then)
     */
    public Config registerConfig(String namespace, Pipeline pipeline) {
        return registerConfig(namespace, pipeline, true);
    }

    /**
     * Validates {@code pipeline} and registers it as the pipeline's next config version; with {@code deploy} it also
     * becomes {@code live}, otherwise it stays {@code unreleased} until {@link #deployConfig}.
     *
     * @throws PipelineValidationException if the pipeline is invalid (nothing is sent then)
     */
    public Config registerConfig(String namespace, Pipeline pipeline, boolean deploy) {
        pipeline.validate();
        return registerConfig(namespace, pipeline.toJson(), deploy);
    }

    /**
     * Registers pipeline JSON (as printed by {@link Pipeline#finish()}) as the next config version of the pipeline
     * named by its {@code id} and deploys it; the server validates it.
     *
     * @throws PipelineValidationException if the text is not a JSON object with a valid {@code id}
     */
    public Config registerConfig(String namespace, String pipelineJson) {
        return registerConfig(namespace, pipelineJson, true);
    }

    /**
     * Registers pipeline JSON as the next config version of the pipeline named by its {@code id}, deploying it when
     * {@code deploy} is set. The flag is always sent explicitly ({@code ?deploy=true|false}).
     *
     * @throws PipelineValidationException if the text is not a JSON object with a valid {@code id}
     */
    public Config registerConfig(String namespace, String pipelineJson, boolean deploy) {
        String pipelineId = pipelineIdOf(pipelineJson);
        HttpRequest request = request(pipelinePath(namespace, pipelineId) + "/configs?deploy=" + deploy)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(pipelineJson, StandardCharsets.UTF_8))
                .build();
        return read(field(parse(send(request).body()), "config"), Config.class);
    }

    /** Every config version of a pipeline, newest first. */
    public List<Config> listConfigs(String namespace, String pipelineId) {
        JsonNode configs = field(get(pipelinePath(namespace, pipelineId) + "/configs"), "configs");
        return List.of(read(configs, Config[].class));
    }

    /** A config version of a pipeline; version 0 means the latest. */
    public Config getConfig(String namespace, String pipelineId, long version) {
        return read(field(get(pipelinePath(namespace, pipelineId) + "/configs/" + version), "config"), Config.class);
    }

    /**
     * Makes a config version {@code live} (the previous live one becomes {@code deprecated}).
     *
     * @throws GoferApiException with status 409 while another deployment is running
     */
    public Deployment deployConfig(String namespace, String pipelineId, long version) {
        JsonNode answer = send("POST", pipelinePath(namespace, pipelineId) + "/configs/" + version, null);
        return read(field(answer, "deployment"), Deployment.class);
    }

    /**
     * Deletes a config version.
     *
     * @throws GoferApiException with status 400 for the latest or the live version
     */
    public void deleteConfig(String namespace, String pipelineId, long version) {
        delete(pipelinePath(namespace, pipelineId) + "/configs/" + version);
    }

    // --------------------------------------------------------------------------------------------- deployments

    /** Every deployment of a pipeline, newest first. */
    public List<Deployment> listDeployments(String namespace, String pipelineId) {
        JsonNode deployments = field(get(pipelinePath(namespace, pipelineId) + "/deployments"), "deployments");
        return List.of(read(deployments, Deployment[].class));
    }

    public Deployment getDeployment(String namespace, String pipelineId, long deploymentId) {
        JsonNode answer = get(pipelinePath(namespace, pipelineId) + "/deployments/" + deploymentId);
        return read(field(answer, "deployment"), Deployment.class);
    }

    // ---------------------------------------------------------------------------------------------------- runs

    /**
     * Starts a run of the pipeline's live config with extra run variables (they override task variables).
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

    /** The newest {@value #DEFAULT_LIMIT} runs of a pipeline, newest first. */
    public List<Run> listRuns(String namespace, String pipelineId) {
        return listRuns(namespace, pipelineId, DEFAULT_LIMIT, 0);
    }

    /**
     * One page of a pipeline's runs, newest first.
     *
     * @param limit how many (1–500)
     * @param offset how many of the newest to skip
     */
    public List<Run> listRuns(String namespace, String pipelineId, int limit, int offset) {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("limit must be positive and offset not negative, were " + limit
                    + " and " + offset);
        }
        String path = pipelinePath(namespace, pipelineId) + "/runs" + query(Map.of("limit", limit, "offset", offset));
        return List.of(read(field(get(path), "runs"), Run[].class));
    }

    /**
     * Cancels every unfinished task run of a run: SIGTERM, then SIGKILL after {@code grace}.
     *
     * @param grace time the containers get to stop; {@code null} for the API's default (10 s)
     */
    public void cancelRun(String namespace, String pipelineId, long runId, Duration grace) {
        delete(runPath(namespace, pipelineId, runId) + graceQuery(grace));
    }

    /** {@link #cancelRun(String, String, long, Duration)} with the grace in seconds. */
    public void cancelRun(String namespace, String pipelineId, long runId, long graceSeconds) {
        cancelRun(namespace, pipelineId, runId, Duration.ofSeconds(graceSeconds));
    }

    /** The task runs of a run. */
    public List<TaskRun> listTaskRuns(String namespace, String pipelineId, long runId) {
        JsonNode taskRuns = field(get(runPath(namespace, pipelineId, runId) + "/tasks"), "task_runs");
        return List.of(read(taskRuns, TaskRun[].class));
    }

    public TaskRun getTaskRun(String namespace, String pipelineId, long runId, String taskId) {
        return read(field(get(taskPath(namespace, pipelineId, runId, taskId)), "task_run"), TaskRun.class);
    }

    /**
     * Cancels one task run: SIGTERM, then SIGKILL after {@code grace}.
     *
     * @param grace time the container gets to stop; {@code null} for the API's default
     */
    public void cancelTaskRun(String namespace, String pipelineId, long runId, String taskId, Duration grace) {
        delete(taskPath(namespace, pipelineId, runId, taskId) + graceQuery(grace));
    }

    /** {@link #cancelTaskRun(String, String, long, String, Duration)} with the grace in seconds. */
    public void cancelTaskRun(String namespace, String pipelineId, long runId, String taskId, long graceSeconds) {
        cancelTaskRun(namespace, pipelineId, runId, taskId, Duration.ofSeconds(graceSeconds));
    }

    // ---------------------------------------------------------------------------------------------------- logs

    /** Every stored log line of a task run, each followed by {@code \n}, in order. */
    public String getTaskLogs(String namespace, String pipelineId, long runId, String taskId) {
        HttpRequest request = request(taskPath(namespace, pipelineId, runId, taskId) + "/logs")
                .setHeader("Accept", "text/plain")
                .GET()
                .build();
        return send(request).body();
    }

    /** Removes the stored log lines of a task run. */
    public void deleteTaskLogs(String namespace, String pipelineId, long runId, String taskId) {
        delete(taskPath(namespace, pipelineId, runId, taskId) + "/logs");
    }

    /**
     * Follows a task run's log live: every stored line after {@code afterSeq}, then new lines as the container writes
     * them, until the task run is complete and every line is delivered ({@code event: end}). A dropped connection is
     * resumed with {@code Last-Event-ID} set to the last line delivered, so {@code consumer} sees every line once,
     * in order.
     *
     * @param afterSeq deliver lines after this one (0 = from the start)
     * @param consumer called on this thread for each line
     * @return the seq of the last line delivered ({@code afterSeq} if none)
     * @throws GoferApiException e.g. 404 if there is no such task run
     * @throws GoferException if the stream cannot be (re)established after {@value #MAX_STREAM_ATTEMPTS} attempts in a
     *         row, or the thread is interrupted (its interrupt flag stays set)
     */
    public long followTaskLogs(String namespace, String pipelineId, long runId, String taskId, long afterSeq,
            Consumer<LogLine> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        String path = taskPath(namespace, pipelineId, runId, taskId) + "/logs/stream";
        LogFollower follower = new LogFollower(afterSeq, consumer);
        stream("log of task " + taskId + " of run " + runId, path, afterSeq > 0 ? Map.of("after", afterSeq) : Map.of(),
                Map.of(), follower, null);
        return follower.lastSeq;
    }

    // -------------------------------------------------------------------------------------------------- events

    /**
     * Follows the public domain events: history first (after the event {@code afterId}, or since {@code since}), then
     * new events as they happen, until the API ends the stream with HTTP 204 or the thread is interrupted. With
     * neither {@code afterId} nor {@code since} the API decides where to start (today: with the next new event). A
     * dropped connection is resumed with {@code Last-Event-ID}.
     *
     * @param afterId start behind this event id, or {@code null}
     * @param since start at this time, or {@code null} (ignored when {@code afterId} is given)
     * @param consumer called on this thread for each event
     */
    public void followEvents(String afterId, Instant since, Consumer<Event> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        stream("events", "/api/events", eventsQuery(afterId, since), Map.of(), new EventFollower(afterId, consumer),
                null);
    }

    /**
     * The recorded events after {@code afterId} (or since {@code since}): asks the API for the history only
     * ({@code follow=false}, the API then ends the stream) and returns what it sent. As a guard against an API that
     * keeps the stream open anyway, reading also stops once no event has come for {@code quiet}.
     *
     * @param quiet how long a silence means the history is over, {@code null} to wait for the API to end the stream
     */
    public List<Event> listEvents(String afterId, Instant since, Duration quiet) {
        List<Event> events = new ArrayList<>();
        stream("events", "/api/events", eventsQuery(afterId, since), Map.of("follow", false),
                new EventFollower(afterId, events::add), quiet == null ? NO_QUIET : quiet);
        return List.copyOf(events);
    }

    private static Map<String, Object> eventsQuery(String afterId, Instant since) {
        if (afterId != null && !afterId.isBlank()) {
            return Map.of("after", afterId);
        }
        return since == null ? Map.of() : Map.of("since", since.toString());
    }

    // -------------------------------------------------------------------------------------------------- streams

    /** What a stream does with its events. */
    private interface StreamHandler {

        /** Handles one event; returns {@code true} when the stream is complete. */
        boolean onEvent(SseEvent event);

        /** The {@code Last-Event-ID} to resume with after a drop, or {@code null}. */
        String resumeId();
    }

    /**
     * Reads the SSE stream at {@code path} until {@code handler} says it is complete, the API answers 204, or (with
     * {@code quiet}) nothing came for that long or the API ended the stream. Dropped connections, 502/503/504 and
     * streams that end early are retried, resuming with {@code Last-Event-ID} instead of the {@code start} parameters
     * once there is one; the {@code every} parameters go with every connection.
     */
    private void stream(String what, String path, Map<String, ?> start, Map<String, ?> every, StreamHandler handler,
            Duration quiet) {
        boolean first = true;
        int failures = 0;
        long delayMillis = reconnectDelay.toMillis();
        String lastProblem = "";
        while (true) {
            String resumeId = handler.resumeId();
            Map<String, Object> parameters = new TreeMap<>(every);
            if (first || resumeId == null) {
                parameters.putAll(start); // nothing received yet: ask for the same start again
            }
            HttpRequest.Builder builder = request(path + (parameters.isEmpty() ? "" : query(parameters)))
                    .setHeader("Accept", "text/event-stream")
                    .header("Cache-Control", "no-cache")
                    .GET();
            if (!first && resumeId != null) {
                builder.header("Last-Event-ID", resumeId);
            }
            first = false;
            boolean delivered = false;
            SseParser parser = new SseParser(resumeId);
            try (SseConnection connection = SseConnection.open(http, builder.build())) {
                int status = connection.status();
                if (status == 204) {
                    return;
                }
                if (status / 100 != 2) {
                    GoferApiException problem = Problems.toException(status, connection.errorBody());
                    if (status != 502 && status != 503 && status != 504) {
                        throw problem;
                    }
                    lastProblem = problem.getMessage();
                } else {
                    long lastEventAt = System.nanoTime();
                    while (true) {
                        Duration wait = quiet == null
                                ? null
                                : quiet.minusNanos(System.nanoTime() - lastEventAt);
                        String line = connection.nextLine(wait);
                        if (line == null) {
                            if (quiet != null) {
                                return; // listing: the API ended the stream, the history is over
                            }
                            lastProblem = "the API ended the stream";
                            break;
                        }
                        SseEvent event = parser.line(line);
                        if (parser.retryMillis() != null) {
                            delayMillis = parser.retryMillis();
                        }
                        if (event != null) {
                            delivered = true;
                            lastEventAt = System.nanoTime();
                            if (handler.onEvent(event)) {
                                return;
                            }
                        }
                    }
                }
            } catch (TimeoutException e) {
                return; // listing: quiet for long enough
            } catch (IOException e) {
                lastProblem = describe(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GoferException("interrupted while following the " + what, e);
            }
            failures = delivered ? 0 : failures + 1;
            if (failures >= MAX_STREAM_ATTEMPTS) {
                throw new GoferException("lost the " + what + " at " + baseUrl + " after " + failures
                        + " attempts in a row: " + lastProblem);
            }
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GoferException("interrupted while following the " + what, e);
            }
        }
    }

    /** Turns {@code line} events into {@link LogLine}s, each once, and stops at {@code end}. */
    private static final class LogFollower implements StreamHandler {

        private final Consumer<LogLine> consumer;
        private long lastSeq;

        LogFollower(long afterSeq, Consumer<LogLine> consumer) {
            this.lastSeq = Math.max(0, afterSeq);
            this.consumer = consumer;
        }

        @Override
        public boolean onEvent(SseEvent event) {
            switch (event.event()) {
                case "end" -> {
                    return true;
                }
                case "line", "message" -> {
                    JsonNode json = parse(event.data());
                    if (json == null || !json.isObject()) {
                        return false;
                    }
                    long seq = json.hasNonNull("seq") ? json.get("seq").asLong() : parseLong(event.id());
                    if (seq > lastSeq) {
                        lastSeq = seq;
                        consumer.accept(new LogLine(seq, text(json, "stream"), text(json, "text"),
                                Timestamps.epochMillis(json.get("at"))));
                    }
                    return false;
                }
                default -> {
                    return false; // e.g. a keep-alive event type this client does not know
                }
            }
        }

        @Override
        public String resumeId() {
            return lastSeq > 0 ? Long.toString(lastSeq) : null;
        }

        private static long parseLong(String text) {
            try {
                return text == null ? 0 : Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /** Turns events into {@link Event}s and remembers the last id to resume from. */
    private static final class EventFollower implements StreamHandler {

        private static final List<String> ENVELOPE = List.of("id", "event_id", "type", "version", "occurred_at",
                "emitted", "key");

        private final Consumer<Event> consumer;
        private String lastId;

        EventFollower(String afterId, Consumer<Event> consumer) {
            this.lastId = afterId == null || afterId.isBlank() ? null : afterId;
            this.consumer = consumer;
        }

        @Override
        public boolean onEvent(SseEvent sse) {
            JsonNode json;
            try {
                json = Json.mapper().readTree(sse.data());
            } catch (JsonProcessingException e) {
                json = null;
            }
            String id = sse.id();
            String type = "message".equals(sse.event()) ? null : sse.event();
            Event event;
            if (json != null && json.isObject()) {
                id = firstText(json, "id", "event_id", id);
                type = firstText(json, "type", null, type);
                JsonNode payload = json.get("payload");
                if (payload == null || payload.isNull()) {
                    ObjectNode rest = ((ObjectNode) json).deepCopy();
                    rest.remove(ENVELOPE);
                    payload = rest;
                }
                JsonNode occurredAt = json.hasNonNull("occurred_at") ? json.get("occurred_at") : json.get("emitted");
                event = new Event(id, type, Timestamps.instant(occurredAt), text(json, "key"), payload);
            } else {
                event = new Event(id, type, null, null, TextNode.valueOf(sse.data()));
            }
            if (event.id() != null) {
                lastId = event.id();
            }
            consumer.accept(event);
            return false;
        }

        @Override
        public String resumeId() {
            return lastId;
        }

        private static String firstText(JsonNode json, String field, String otherField, String fallback) {
            String value = text(json, field);
            if (value == null && otherField != null) {
                value = text(json, otherField);
            }
            return value == null ? fallback : value;
        }
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    private JsonNode get(String path) {
        return parse(send(request(path).GET().build()).body());
    }

    /** Sends {@code body} as JSON ({@code null}: no body) and parses the answer. */
    private JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder builder = request(path);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        }
        return parse(send(builder.build()).body());
    }

    private void delete(String path) {
        send(request(path).DELETE().build());
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
        return HttpSupport.describe(e);
    }

    private static JsonNode parse(String body) {
        return HttpSupport.parse(body, WHO);
    }

    private static JsonNode field(JsonNode json, String name) {
        return HttpSupport.field(json, name, WHO);
    }

    private static <T> T read(JsonNode json, Class<T> type) {
        return HttpSupport.read(json, type, WHO);
    }

    private static String write(Object value) {
        return HttpSupport.write(value);
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

    private static String namespacePath(String namespace) {
        return "/api/namespaces/" + segment(namespace);
    }

    private static String pipelinePath(String namespace, String pipelineId) {
        return namespacePath(namespace) + "/pipelines/" + segment(pipelineId);
    }

    private static String runPath(String namespace, String pipelineId, long runId) {
        return pipelinePath(namespace, pipelineId) + "/runs/" + runId;
    }

    private static String taskPath(String namespace, String pipelineId, long runId, String taskId) {
        return runPath(namespace, pipelineId, runId) + "/tasks/" + segment(taskId);
    }

    private static String graceQuery(Duration grace) {
        if (grace == null) {
            return "";
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, was " + grace);
        }
        return query(Map.of("grace", grace.toSeconds()));
    }

    /** {@code ?k=v&...} in key order, values URL-encoded. */
    private static String query(Map<String, ?> parameters) {
        return new TreeMap<>(parameters).entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + segment(String.valueOf(e.getValue())))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String segment(String value) {
        return HttpSupport.segment(value);
    }

    private record Response(int status, String body) {
    }

    /** Options of a {@link GoferClient}. */
    public static final class Builder {

        private final String baseUrl;
        private String token;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration reconnectDelay = DEFAULT_RECONNECT_DELAY;

        private Builder(String baseUrl) {
            this.baseUrl = HttpSupport.baseUrl(baseUrl, "API");
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

        /** Wait before reconnecting a dropped stream when the server did not ask for one with {@code retry:}. */
        public Builder reconnectDelay(Duration reconnectDelay) {
            Objects.requireNonNull(reconnectDelay, "reconnectDelay");
            if (reconnectDelay.isNegative()) {
                throw new IllegalArgumentException("reconnectDelay must not be negative");
            }
            this.reconnectDelay = reconnectDelay;
            return this;
        }

        public GoferClient build() {
            return new GoferClient(this);
        }
    }
}
