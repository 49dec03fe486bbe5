package dev.gofer.store.object.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.gofer.events.EventCodec;
import dev.gofer.events.StoreChanged;
import dev.gofer.events.Topics;
import dev.gofer.testsupport.GoferInfraResource;
import dev.gofer.testsupport.KafkaTestClient;

@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "store"))
class PipelineObjectResourceTest {

    /** {@code %test.gofer.store.max-object-bytes} in application.properties. */
    private static final int MAX_BYTES = 4 * 1024 * 1024;
    /** {@code %test.gofer.store.object-chunk-bytes}. */
    private static final int CHUNK_BYTES = 65536;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URI root;

    @Inject
    AgroalDataSource dataSource;

    private final String pipeline = "p-" + UUID.randomUUID().toString().substring(0, 8);
    private final String base = "/api/namespaces/default/pipelines/" + pipeline + "/objects";

    @Test
    void shouldStoreListReturnAndDeleteBytesWhenObjectIsNew() {
        byte[] content = {0, 1, 2, (byte) 0xff, 'h', 'i'};

        given().contentType(ContentType.BINARY).body(content).post(base + "/bin").then().statusCode(201)
                .contentType(ContentType.JSON).body("object.key", equalTo("bin")).body("object.size", equalTo(6))
                .body("object.created", greaterThan(1_700_000_000_000L));

        given().get(base).then().statusCode(200).body("objects", hasSize(1)).body("objects[0].key", equalTo("bin"))
                .body("objects[0].size", equalTo(6));
        byte[] returned = given().get(base + "/bin").then().statusCode(200).contentType(ContentType.BINARY).extract()
                .asByteArray();
        assertThat(returned).isEqualTo(content);

        given().delete(base + "/bin").then().statusCode(204);
        given().get(base + "/bin").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("pipeline object 'bin' not found"));
        given().delete(base + "/bin").then().statusCode(404);
    }

    @Test
    void shouldAnswer409WithoutForceAndReplaceWithForceWhenObjectExists() {
        given().contentType(ContentType.BINARY).body(bytes("first")).post(base + "/cfg").then().statusCode(201);

        given().contentType(ContentType.BINARY).body(bytes("second")).post(base + "/cfg").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:gofer:problem:already-exists"))
                .body("detail", containsString("'cfg'"));
        given().contentType(ContentType.BINARY).body(bytes("second!")).queryParam("force", true).put(base + "/cfg")
                .then().statusCode(201).body("object.size", equalTo(7));

        assertThat(given().get(base + "/cfg").then().statusCode(200).extract().asByteArray())
                .isEqualTo(bytes("second!"));
    }

    @Test
    void shouldAnswer413ProblemNamingTheLimitAndStoreNothingWhenDeclaredLengthExceedsTheCap() throws Exception {
        given().contentType(ContentType.BINARY).body(new byte[MAX_BYTES + 1]).post(base + "/big").then()
                .statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:gofer:problem:payload-too-large")).body("status", equalTo(413))
                .body("detail", containsString(MAX_BYTES + " bytes")).body("detail",
                        containsString("gofer.store.max-object-bytes"));
        given().get(base + "/big").then().statusCode(404);
        assertThat(storedRows()).isZero();

        given().contentType(ContentType.BINARY).body(new byte[MAX_BYTES]).post(base + "/big").then().statusCode(201)
                .body("object.size", equalTo(MAX_BYTES));
    }

    @Test
    void shouldAnswer413AndRollBackEveryChunkWhenStreamedBodyWithoutLengthExceedsTheCap() throws Exception {
        // Chunked transfer encoding: no Content-Length, so only counting while streaming can stop it. The body is
        // produced on demand and is four times the cap: a service that buffered it whole would have to take it all.
        CountingZeros body = new CountingZeros(4L * MAX_BYTES);
        HttpRequest request = HttpRequest.newBuilder(root.resolve(base.substring(1) + "/streamed"))
                .header("Content-Type", "application/octet-stream")
                .header("Authorization", "Bearer " + GoferInfraResource.TEST_ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("gofer.store.max-object-bytes").contains(Integer.toString(MAX_BYTES));
        given().get(base + "/streamed").then().statusCode(404);
        given().get(base).then().statusCode(200).body("objects", hasSize(0));
        assertThat(storedRows()).isZero();
    }

    @Test
    void shouldAnswer413BeforeTheBodyEndsWhenStreamedBodyPassesTheCap() throws Exception {
        // A raw chunked request whose body never ends: a server that buffered bodies whole would wait for the end
        // forever; one that streams refuses as soon as the count passes the cap.
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + base + "/unended HTTP/1.1\r\nHost: " + root.getHost() + "\r\n"
                    + "Authorization: Bearer " + GoferInfraResource.TEST_ADMIN_TOKEN + "\r\n"
                    + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK_BYTES];
            for (long sent = 0; sent < MAX_BYTES; sent += chunk.length) {
                writeChunk(out, chunk, chunk.length);
            }
            writeChunk(out, chunk, 1);
            out.flush();

            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
            List<String> headers = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.add(line.toLowerCase(Locale.ROOT));
            }
            assertThat(headers).contains("content-type: application/problem+json");
        }
        given().get(base + "/unended").then().statusCode(404);
        assertThat(storedRows()).isZero();
    }

    @Test
    void shouldRoundTripByteExactWhenObjectSpansManyChunks() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 12345];
        new Random(42).nextBytes(content);

        given().contentType(ContentType.BINARY).body(content).put(base + "/large").then().statusCode(201)
                .body("object.size", equalTo(content.length));

        byte[] returned = given().get(base + "/large").then().statusCode(200).contentType(ContentType.BINARY)
                .header("Content-Length", Integer.toString(content.length)).extract().asByteArray();
        assertThat(returned).hasSize(content.length).isEqualTo(content);
        assertThat(chunkRows("large")).isEqualTo((content.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        given().get(base).then().statusCode(200).body("objects[0].key", equalTo("large"))
                .body("objects[0].size", equalTo(content.length))
                .body("objects[0].created", greaterThan(1_700_000_000_000L));
    }

    @Test
    void shouldStoreAndReturnNothingWhenObjectIsEmpty() {
        given().contentType(ContentType.BINARY).body(new byte[0]).post(base + "/empty").then().statusCode(201)
                .body("object.size", equalTo(0));

        assertThat(given().get(base + "/empty").then().statusCode(200).extract().asByteArray()).isEmpty();
    }

    @Test
    void shouldEvictTheOldestAndPublishObjectEvictedWhenPipelineLimitIsExceeded() {
        // %test.gofer.store.pipeline-object-limit=3
        for (String key : List.of("first", "second", "third")) {
            given().contentType(ContentType.BINARY).body(bytes(key)).post(base + "/" + key).then().statusCode(201);
        }
        // Replacing an object makes it the newest: the oldest is now 'second'.
        given().contentType(ContentType.BINARY).body(bytes("again")).queryParam("force", true).post(base + "/first")
                .then().statusCode(201);
        given().get(base).then().statusCode(200).body("objects.key", contains("first", "second", "third"));

        given().contentType(ContentType.BINARY).body(bytes("fourth")).post(base + "/fourth").then().statusCode(201);

        given().get(base).then().statusCode(200).body("objects.key", contains("first", "fourth", "third"));
        given().get(base + "/second").then().statusCode(404);
        StoreChanged evicted = awaitStoreEvent(StoreChanged.OBJECT_EVICTED);
        assertThat(evicted).isEqualTo(new StoreChanged(StoreChanged.OBJECT_EVICTED, "default", pipeline, null,
                "second", List.of()));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<StoreChanged> events = storeEvents();
            assertThat(events).filteredOn(e -> e.kind().equals(StoreChanged.OBJECT_EVICTED)).hasSize(1);
            assertThat(events).filteredOn(e -> e.kind().equals(StoreChanged.OBJECT_STORED))
                    .extracting(StoreChanged::key).containsExactly("first", "second", "third", "first", "fourth");
        });
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenKeyIsInvalid() {
        given().contentType(ContentType.BINARY).body(bytes("x")).post(base + "/bad$key").then().statusCode(400)
                .contentType("application/problem+json").body("detail", startsWith("key: must be"));
        given().get(base + "/" + "k".repeat(129)).then().statusCode(400).body("detail", startsWith("key: "));
    }

    private StoreChanged awaitStoreEvent(String kind) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> storeEvents().stream().filter(e -> e.kind().equals(kind)).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** The store events of this test's pipeline on gofer.events, read with a plain Kafka consumer. */
    private List<StoreChanged> storeEvents() {
        return new KafkaTestClient(bootstrapServers).readAll(Topics.EVENTS, Duration.ofSeconds(10)).stream()
                .filter(r -> ("default/" + pipeline).equals(r.key())).map(r -> EventCodec.decode(r.value()).payload())
                .filter(StoreChanged.class::isInstance).map(StoreChanged.class::cast).toList();
    }

    private long storedRows() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM store.objects WHERE pipeline_id = ?")) {
            s.setString(1, pipeline);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long chunkRows(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM store.object_chunks ch "
                        + "JOIN store.objects o ON o.id = ch.object_id WHERE o.pipeline_id = ? AND o.key = ?")) {
            s.setString(1, pipeline);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void writeChunk(OutputStream out, byte[] data, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code size} zero bytes, made as they are read. */
    private static final class CountingZeros extends InputStream {
        private final long size;
        private long position;

        CountingZeros(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            position++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            position += n;
            return n;
        }
    }
}
