package dev.gofer.sdk;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import dev.gofer.sdk.internal.HttpSupport;
import dev.gofer.sdk.internal.Problems;
import dev.gofer.sdk.internal.SecretBody;

/**
 * A client of Gofer's store: pipeline and global secrets, pipeline and run objects. Thread-safe; create one and reuse
 * it. Give it the API's base URL (the front door, default {@value #DEFAULT_URL}, serves the store's routes at the same
 * paths) and the same token as {@link GoferClient}.
 *
 * <pre>{@code
 * GoferStoreClient store = GoferStoreClient.builder("http://localhost:8080").token(token).build();
 * store.putPipelineSecret("default", "simple", "token", System.console().readPassword("token: "), false);
 * store.putObject(ObjectScope.pipeline("default", "simple"), "settings", Path.of("settings.json"), true);
 * try (InputStream in = store.getObject(ObjectScope.run("default", "simple", 7), "report")) {
 *     in.transferTo(System.out);
 * }
 * }</pre>
 *
 * Every request carries {@code Authorization: Bearer <token>} (set with {@link Builder#token(String)}). Secret values
 * are write-only, except to a token allowed {@code secrets: reveal} (admins): the {@code reveal...} methods ask for
 * the value with {@code ?include_secret=true}. Object content is streamed both ways,
 * never held whole in memory by the client (except when given as a {@code byte[]}).
 * <p>
 * Errors answered by the store throw {@link GoferApiException} (e.g. 404 absent, 409 exists without {@code force},
 * 413 object too large, 401 without a valid token, 403 without the permission); an unreachable store throws
 * {@link GoferException}
 * naming its URL.
 */
public final class GoferStoreClient {

    /** Where the store listens by default. */
    public static final String DEFAULT_URL = "http://localhost:8080";
    /** Default time to establish a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Default time from sending a request until the answer's headers arrive: for a put that includes sending the
     * content (raise it for big objects over slow links), for a download it does not include reading the content.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final String WHO = "Gofer store";
    private static final String JSON = "application/json";
    private static final String OCTETS = "application/octet-stream";
    /** How much of an error answer to a download is read for the problem. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final String baseUrl;
    private final String token;
    private final Duration requestTimeout;
    private final HttpClient http;

    private GoferStoreClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.token = builder.token;
        this.requestTimeout = builder.requestTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A client of the store at {@code baseUrl} (e.g. {@value #DEFAULT_URL}) with default timeouts. */
    public static GoferStoreClient create(String baseUrl) {
        return builder(baseUrl).build();
    }

    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    public String baseUrl() {
        return baseUrl;
    }

    // ---------------------------------------------------------------------------------------- pipeline secrets

    /**
     * Stores a secret for a pipeline, used in its tasks as {@code pipeline_secret{{key}}}. The value is sent as it is
     * (no trimming) and never turned into a {@link String} by this method; {@code value} is not changed, so wipe it
     * yourself when done.
     *
     * @param force replace an existing secret of that key
     * @throws GoferApiException 409 if the key exists and {@code force} is false, 400 for a bad key or a value over
     *         65536 characters
     */
    public SecretInfo putPipelineSecret(String namespace, String pipelineId, String key, char[] value,
            boolean force) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("key", Objects.requireNonNull(key, "key"));
        fields.put("force", force);
        return putSecret(pipelinePath(namespace, pipelineId) + "/secrets", value, fields);
    }

    /** {@link #putPipelineSecret(String, String, String, char[], boolean)} with a {@link String} value. */
    public SecretInfo putPipelineSecret(String namespace, String pipelineId, String key, String value,
            boolean force) {
        char[] chars = Objects.requireNonNull(value, "value").toCharArray();
        try {
            return putPipelineSecret(namespace, pipelineId, key, chars, force);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** The secrets of a pipeline (keys and creation times, never values). */
    public List<SecretInfo> listPipelineSecrets(String namespace, String pipelineId) {
        return List.of(read(field(getJson(pipelinePath(namespace, pipelineId) + "/secrets"), "secrets"),
                SecretInfo[].class));
    }

    /**
     * One secret of a pipeline, without its value.
     *
     * @throws GoferApiException 404 if there is none with that key
     */
    public SecretInfo getPipelineSecret(String namespace, String pipelineId, String key) {
        return read(field(getJson(pipelineSecretPath(namespace, pipelineId, key)), "secret"), SecretInfo.class);
    }

    /**
     * One secret of a pipeline with its value; needs {@code secrets: reveal} (an admin token).
     *
     * @throws GoferApiException 401 without a valid token, 403 if the token may not reveal it, 404 if there is no such secret
     */
    public SecretValue revealPipelineSecret(String namespace, String pipelineId, String key) {
        return reveal(pipelineSecretPath(namespace, pipelineId, key));
    }

    /**
     * Deletes a secret of a pipeline.
     *
     * @throws GoferApiException 404 if there is none with that key
     */
    public void deletePipelineSecret(String namespace, String pipelineId, String key) {
        delete(pipelineSecretPath(namespace, pipelineId, key));
    }

    // ------------------------------------------------------------------------------------------ global secrets

    /**
     * Stores a secret for the whole installation, used as {@code global_secret{{key}}} by the pipelines of the
     * namespaces it is granted to. The value is sent as it is and never turned into a {@link String} here.
     *
     * @param namespaces regular expressions, each matched against the <em>whole</em> namespace id; {@code null} or
     *        empty for the store's default, every namespace ({@code .*})
     * @param force replace an existing secret of that key
     * @throws GoferApiException 409 if the key exists and {@code force} is false, 400 for a bad key or pattern
     */
    public SecretInfo putGlobalSecret(String key, char[] value, List<String> namespaces, boolean force) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("key", Objects.requireNonNull(key, "key"));
        fields.put("force", force);
        if (namespaces != null && !namespaces.isEmpty()) {
            fields.put("namespaces", List.copyOf(namespaces));
        }
        return putSecret("/api/secrets/global", value, fields);
    }

    /** {@link #putGlobalSecret(String, char[], List, boolean)} with a {@link String} value. */
    public SecretInfo putGlobalSecret(String key, String value, List<String> namespaces, boolean force) {
        char[] chars = Objects.requireNonNull(value, "value").toCharArray();
        try {
            return putGlobalSecret(key, chars, namespaces, force);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** The global secrets (keys, namespace patterns and creation times, never values). */
    public List<SecretInfo> listGlobalSecrets() {
        return List.of(read(field(getJson("/api/secrets/global"), "secrets"), SecretInfo[].class));
    }

    /**
     * One global secret, without its value.
     *
     * @throws GoferApiException 404 if there is none with that key
     */
    public SecretInfo getGlobalSecret(String key) {
        return read(field(getJson(globalSecretPath(key)), "secret"), SecretInfo.class);
    }

    /**
     * One global secret with its value; needs {@code secrets: reveal} (an admin token).
     *
     * @throws GoferApiException 401 without a valid token, 403 if the token may not reveal it, 404 if there is no such secret
     */
    public SecretValue revealGlobalSecret(String key) {
        return reveal(globalSecretPath(key));
    }

    /**
     * Deletes a global secret.
     *
     * @throws GoferApiException 404 if there is none with that key
     */
    public void deleteGlobalSecret(String key) {
        delete(globalSecretPath(key));
    }

    // ------------------------------------------------------------------------------------------------- objects

    /**
     * Stores an object from memory.
     *
     * @param force replace an existing object of that key
     * @throws GoferApiException 409 if the key exists and {@code force} is false, 413 if it is over the store's limit
     *         (default 10 MiB)
     */
    public StoredObject putObject(ObjectScope scope, String key, byte[] content, boolean force) {
        Objects.requireNonNull(content, "content");
        return putObject(scope, key, HttpRequest.BodyPublishers.ofByteArray(content), force);
    }

    /**
     * Stores the content of a file, streamed from disk with its length as {@code Content-Length} (so the store can
     * refuse an oversized file before it is sent).
     *
     * @throws GoferException if the file cannot be read
     * @throws GoferApiException 409 if the key exists and {@code force} is false, 413 if it is over the store's limit
     */
    public StoredObject putObject(ObjectScope scope, String key, Path file, boolean force) {
        Objects.requireNonNull(file, "file");
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new GoferException("cannot read " + file + ": no such file", e);
        }
        return putObject(scope, key, body, force);
    }

    /**
     * Stores what {@code content} yields, streamed (chunked: the length is not known in advance). The stream is read
     * to its end and closed.
     *
     * @throws GoferApiException 409 if the key exists and {@code force} is false, 413 if it is over the store's limit
     */
    public StoredObject putObject(ObjectScope scope, String key, InputStream content, boolean force) {
        Objects.requireNonNull(content, "content");
        return putObject(scope, key, HttpRequest.BodyPublishers.ofInputStream(() -> content), force);
    }

    /**
     * Stores exactly {@code length} bytes that {@code content} yields, streamed with {@code Content-Length}. The stream
     * is read to its end and closed.
     */
    public StoredObject putObject(ObjectScope scope, String key, InputStream content, long length, boolean force) {
        Objects.requireNonNull(content, "content");
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative, was " + length);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers
                .fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> content), length);
        return putObject(scope, key, body, force);
    }

    /** The objects of a pipeline or run: keys, sizes and creation times. */
    public List<StoredObject> listObjects(ObjectScope scope) {
        return List.of(read(field(getJson(objectsPath(scope)), "objects"), StoredObject[].class));
    }

    /**
     * The content of an object as a stream, read from the connection as the caller reads it. Close it when done (that
     * also releases the connection); a broken connection shows as an {@link IOException} from its reads.
     *
     * @throws GoferApiException 404 if there is no such object
     */
    public InputStream getObject(ObjectScope scope, String key) {
        HttpRequest request = request(objectPath(scope, key)).setHeader("Accept", OCTETS).GET().build();
        HttpResponse<InputStream> response = call(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() / 100 != 2) {
            throw Problems.toException(response.statusCode(), errorBody(response.body()));
        }
        return response.body();
    }

    /**
     * Copies the content of an object to {@code out} as it arrives ({@code out} is neither flushed nor closed).
     *
     * @return the number of bytes copied
     * @throws GoferApiException 404 if there is no such object
     * @throws GoferException if the connection breaks or {@code out} fails
     */
    public long getObject(ObjectScope scope, String key, OutputStream out) {
        Objects.requireNonNull(out, "out");
        try (InputStream in = getObject(scope, key)) {
            return in.transferTo(out);
        } catch (IOException e) {
            throw new GoferException("cannot copy object '" + key + "' of " + scope + ": " + HttpSupport.describe(e),
                    e);
        }
    }

    /**
     * Downloads the content of an object into {@code target}, streamed through a temporary file next to it that
     * replaces {@code target} only once the whole content has arrived (so a failed download leaves no partial file).
     *
     * @return the number of bytes written
     * @throws GoferApiException 404 if there is no such object (then {@code target} is not touched)
     * @throws GoferException if the connection breaks or the file cannot be written
     */
    public long getObject(ObjectScope scope, String key, Path target) {
        Path absolute = Objects.requireNonNull(target, "target").toAbsolutePath();
        try (InputStream in = getObject(scope, key)) {
            Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
            try {
                long size;
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    size = in.transferTo(out);
                }
                moveIntoPlace(temporary, absolute);
                return size;
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new GoferException("cannot download object '" + key + "' of " + scope + " to " + target + ": "
                    + HttpSupport.describe(e), e);
        }
    }

    /**
     * Deletes an object.
     *
     * @throws GoferApiException 404 if there is no such object
     */
    public void deleteObject(ObjectScope scope, String key) {
        delete(objectPath(scope, key));
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    private SecretInfo putSecret(String path, char[] value, Map<String, Object> fields) {
        Objects.requireNonNull(value, "value");
        try (SecretBody body = SecretBody.of(value, fields)) {
            HttpRequest request = request(path).header("Content-Type", JSON).POST(body.publisher()).build();
            return read(field(HttpSupport.parse(send(request), WHO), "secret"), SecretInfo.class);
        }
    }

    private SecretValue reveal(String path) {
        HttpRequest request = request(path + "?include_secret=true")
                .GET()
                .build();
        JsonNode secret = field(HttpSupport.parse(send(request), WHO), "secret");
        JsonNode value = secret.get("secret");
        if (value == null || !value.isTextual()) {
            throw new GoferException("the " + WHO + " answer has no secret value (does it support include_secret?)");
        }
        SecretInfo info = read(secret, SecretInfo.class);
        return new SecretValue(info.key(), info.created(), info.namespaces(), value.asText());
    }

    private StoredObject putObject(ObjectScope scope, String key, HttpRequest.BodyPublisher body, boolean force) {
        HttpRequest request = request(objectPath(scope, key) + (force ? "?force=true" : ""))
                .header("Content-Type", OCTETS)
                .POST(body)
                .build();
        return read(field(HttpSupport.parse(send(request), WHO), "object"), StoredObject.class);
    }

    private JsonNode getJson(String path) {
        return HttpSupport.parse(send(request(path).GET().build()), WHO);
    }

    private void delete(String path) {
        send(request(path).DELETE().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", JSON)
                .header("User-Agent", "gofer-java-sdk");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Sends a request whose answer is small; returns the body of a 2xx answer, throws the problem of any other. */
    private String send(HttpRequest request) {
        HttpResponse<String> response = call(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw Problems.toException(response.statusCode(), response.body());
        }
        return response.body();
    }

    private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new GoferException("cannot reach the " + WHO + " at " + baseUrl + ": " + HttpSupport.describe(e), e);
        } catch (IOException e) {
            throw new GoferException(request.method() + " " + request.uri().getRawPath() + " to the " + WHO + " at "
                    + baseUrl + " failed: " + HttpSupport.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GoferException("interrupted while calling the " + WHO, e);
        }
    }

    /** The start of an error answer's body (a problem is small; a misdirected download might not be). */
    private static String errorBody(InputStream body) {
        try (InputStream in = body) {
            return new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static JsonNode field(JsonNode json, String name) {
        return HttpSupport.field(json, name, WHO);
    }

    private static <T> T read(JsonNode json, Class<T> type) {
        return HttpSupport.read(json, type, WHO);
    }

    private static String pipelinePath(String namespace, String pipelineId) {
        return "/api/namespaces/" + HttpSupport.segment(namespace) + "/pipelines/" + HttpSupport.segment(pipelineId);
    }

    private static String pipelineSecretPath(String namespace, String pipelineId, String key) {
        return pipelinePath(namespace, pipelineId) + "/secrets/" + HttpSupport.segment(key);
    }

    private static String globalSecretPath(String key) {
        return "/api/secrets/global/" + HttpSupport.segment(key);
    }

    private static String objectsPath(ObjectScope scope) {
        Objects.requireNonNull(scope, "scope");
        String path = pipelinePath(scope.namespace(), scope.pipelineId());
        return (scope.isRun() ? path + "/runs/" + scope.runId() : path) + "/objects";
    }

    private static String objectPath(ObjectScope scope, String key) {
        return objectsPath(scope) + "/" + HttpSupport.segment(key);
    }

    /** Options of a {@link GoferStoreClient}. */
    public static final class Builder {

        private final String baseUrl;
        private String token;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

        private Builder(String baseUrl) {
            this.baseUrl = HttpSupport.baseUrl(baseUrl, "store");
        }

        /** Sends {@code Authorization: Bearer <token>} with every request; blank means none. */
        public Builder token(String token) {
            this.token = token == null || token.isBlank() ? null : token.strip();
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

        public GoferStoreClient build() {
            return new GoferStoreClient(this);
        }
    }
}
