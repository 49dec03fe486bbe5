package dev.gofer.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Pipeline and run objects against a fake store: bodies byte-exact and streamed both ways. */
@Timeout(30)
class GoferStoreClientObjectsTest {

    private static final String OBJECTS = "/api/namespaces/default/pipelines/simple/objects";
    private static final String RUN_OBJECTS = "/api/namespaces/default/pipelines/simple/runs/7/objects";
    private static final ObjectScope PIPELINE = ObjectScope.pipeline("default", "simple");
    private static final ObjectScope RUN = ObjectScope.run("default", "simple", 7);
    private static final int CHUNK = 64 * 1024;

    @TempDir
    Path dir;

    private FakeApi store;
    private GoferStoreClient client;

    @BeforeEach
    void start() throws Exception {
        store = new FakeApi();
        client = GoferStoreClient.create(store.url());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static String created(String key, long size) {
        return "{\"object\":{\"key\":\"" + key + "\",\"size\":" + size + ",\"created\":1700000000000}}";
    }

    /** Every byte value, so that any text decoding on the way would show. */
    private static byte[] binary(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    @Test
    void shouldPostTheBytesAsOctetsWithoutForceWhenPuttingAPipelineObject() {
        byte[] content = binary(1000);
        store.on("POST", OBJECTS + "/settings", 201, created("settings", 1000));

        StoredObject object = client.putObject(PIPELINE, "settings", content, false);

        assertThat(object).isEqualTo(new StoredObject("settings", 1000, 1700000000000L));
        FakeApi.Recorded request = store.requests().get(0);
        assertThat(request.query()).isNull();
        assertThat(request.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(request.header("Content-Length")).isEqualTo("1000");
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.bytes()).isEqualTo(content);
    }

    @Test
    void shouldStreamTheFileWithItsLengthAndForceWhenPuttingARunObject() throws Exception {
        byte[] content = binary(3 * CHUNK + 5);
        Path file = Files.write(dir.resolve("report.bin"), content);
        store.on("POST", RUN_OBJECTS + "/report", 201, created("report", content.length));

        client.putObject(RUN, "report", file, true);

        FakeApi.Recorded request = store.requests().get(0);
        assertThat(request.query()).isEqualTo("force=true");
        assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(content.length));
        assertThat(request.bytes()).isEqualTo(content);
    }

    @Test
    void shouldSendAStreamChunkedWhenItsLengthIsUnknown() {
        byte[] content = binary(2 * CHUNK + 1);
        store.on("POST", OBJECTS + "/data", 201, created("data", content.length));

        client.putObject(PIPELINE, "data", new ByteArrayInputStream(content), false);

        FakeApi.Recorded request = store.requests().get(0);
        assertThat(request.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
        assertThat(request.header("Content-Length")).isNull();
        assertThat(request.bytes()).isEqualTo(content);
    }

    @Test
    void shouldSendTheGivenLengthWhenPuttingAStreamOfKnownLength() {
        byte[] content = binary(4321);
        store.on("POST", OBJECTS + "/data", 201, created("data", content.length));

        client.putObject(PIPELINE, "data", new ByteArrayInputStream(content), content.length, false);

        assertThat(store.requests().get(0).header("Content-Length")).isEqualTo("4321");
        assertThat(store.requests().get(0).bytes()).isEqualTo(content);
    }

    @Test
    void shouldSendTheFirstBytesBeforeTheStreamEndsWhenPuttingAnObject() {
        // The source blocks after its first chunk until the store has received the start of it: a client that read the
        // whole stream before sending would never get there.
        CountDownLatch startArrived = new CountDownLatch(1);
        byte[] first = binary(CHUNK);
        byte[] second = binary(100);
        store.onExchange("POST", OBJECTS + "/big", exchange -> {
            InputStream body = exchange.getRequestBody();
            byte[] head = body.readNBytes(1024);
            startArrived.countDown();
            byte[] rest = body.readAllBytes();
            boolean exact = Arrays.equals(concat(head, rest), concat(first, second));
            byte[] answer = (exact ? created("big", CHUNK + 100) : "{}").getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(exact ? 201 : 400, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        InputStream source = new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (at == CHUNK) {
                    await(startArrived);
                }
                if (at >= CHUNK + second.length) {
                    return -1;
                }
                byte[] from = at < CHUNK ? first : second;
                int start = at < CHUNK ? at : at - CHUNK;
                int n = Math.min(length, from.length - start);
                System.arraycopy(from, start, buffer, offset, n);
                at += n;
                return n;
            }
        };

        StoredObject object = client.putObject(PIPELINE, "big", source, false);

        assertThat(object.size()).isEqualTo(CHUNK + 100);
    }

    @Test
    void shouldThrowTheConflictWhenTheObjectExistsWithoutForce() {
        store.on("POST", OBJECTS + "/settings", 409, "application/problem+json", """
                {"type":"urn:gofer:problem:conflict","title":"Conflict","status":409,
                 "detail":"pipeline object 'settings' exists in default/simple; use force to replace it"}
                """);

        GoferApiException e = catchThrowableOfType(GoferApiException.class,
                () -> client.putObject(PIPELINE, "settings", "x".getBytes(), false));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.type()).isEqualTo("urn:gofer:problem:conflict");
        assertThat(e.detail()).contains("use force to replace it");
    }

    @Test
    void shouldThrowContentTooLargeWhenTheObjectIsOverTheLimit() throws Exception {
        Path file = Files.write(dir.resolve("huge.bin"), binary(CHUNK));
        store.on("POST", OBJECTS + "/huge", 413, "application/problem+json", """
                {"type":"urn:gofer:problem:too-large","title":"Content Too Large","status":413,
                 "detail":"objects are limited to 10485760 bytes"}
                """);

        GoferApiException e = catchThrowableOfType(GoferApiException.class,
                () -> client.putObject(PIPELINE, "huge", file, false));

        assertThat(e.status()).isEqualTo(413);
        assertThat(e.getMessage()).isEqualTo("Content Too Large: objects are limited to 10485760 bytes");
    }

    @Test
    void shouldUseTheStatusReasonWhenA413HasNoProblemBody() {
        store.onStatuses("POST", OBJECTS + "/huge", 413);

        GoferApiException e = catchThrowableOfType(GoferApiException.class,
                () -> client.putObject(PIPELINE, "huge", new byte[10], false));

        assertThat(e.title()).isEqualTo("Content Too Large");
    }

    @Test
    void shouldNameTheFileWhenItDoesNotExist() {
        assertThatThrownBy(() -> client.putObject(PIPELINE, "x", dir.resolve("missing.bin"), false))
                .isInstanceOf(GoferException.class)
                .hasMessageContaining("missing.bin");
        assertThat(store.requests()).isEmpty();
    }

    @Test
    void shouldReturnTheExactBytesAskingForOctetsWhenGettingAnObject() throws Exception {
        byte[] content = binary(5000);
        store.onBytes("GET", RUN_OBJECTS + "/report", 200, "application/octet-stream", content);

        byte[] read;
        try (InputStream in = client.getObject(RUN, "report")) {
            read = in.readAllBytes();
        }

        assertThat(read).isEqualTo(content);
        assertThat(store.requests().get(0).header("Accept")).isEqualTo("application/octet-stream");
    }

    @Test
    void shouldDeliverTheFirstBytesBeforeTheObjectIsCompleteWhenGettingAnObject() throws Exception {
        // The store sends its second chunk only after the client has read the first one.
        CountDownLatch firstChunkRead = new CountDownLatch(1);
        byte[] first = binary(CHUNK);
        byte[] second = binary(10);
        store.onExchange("GET", OBJECTS + "/big", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(first);
                out.flush();
                await(firstChunkRead);
                out.write(second);
            }
        });

        try (InputStream in = client.getObject(PIPELINE, "big")) {
            assertThat(in.readNBytes(CHUNK)).isEqualTo(first);
            firstChunkRead.countDown();
            assertThat(in.readAllBytes()).isEqualTo(second);
        }
    }

    @Test
    void shouldWriteTheFileAndCopyToAStreamWhenDownloadingAnObject() throws Exception {
        byte[] content = binary(3 * CHUNK);
        store.onBytes("GET", OBJECTS + "/settings", 200, "application/octet-stream", content);
        Path target = Files.writeString(dir.resolve("settings.bin"), "old content");
        ByteArrayOutputStream copy = new ByteArrayOutputStream();

        long written = client.getObject(PIPELINE, "settings", target);
        long copied = client.getObject(PIPELINE, "settings", copy);

        assertThat(written).isEqualTo(content.length);
        assertThat(copied).isEqualTo(content.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(copy.toByteArray()).isEqualTo(content);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target); // no temporary file left behind
        }
    }

    @Test
    void shouldLeaveTheTargetAloneAndThrowTheProblemWhenTheObjectIsAbsent() {
        store.on("GET", OBJECTS + "/gone", 404, "application/problem+json",
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"pipeline object 'gone' not found\"}");
        Path target = dir.resolve("gone.bin");

        GoferApiException e = catchThrowableOfType(GoferApiException.class,
                () -> client.getObject(PIPELINE, "gone", target));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.detail()).isEqualTo("pipeline object 'gone' not found");
        assertThat(target).doesNotExist();
    }

    @Test
    void shouldParseTheListAndDeleteInTheRunScope() {
        store.on("GET", RUN_OBJECTS, 200, """
                {"objects":[{"key":"report","size":12,"created":1700000000000},
                            {"key":"log","size":0,"created":1700000000001,"future":true}]}
                """);
        store.onStatuses("DELETE", RUN_OBJECTS + "/report", 204);

        assertThat(client.listObjects(RUN)).containsExactly(new StoredObject("report", 12, 1700000000000L),
                new StoredObject("log", 0, 1700000000001L));
        client.deleteObject(RUN, "report");

        assertThat(store.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET " + RUN_OBJECTS, "DELETE " + RUN_OBJECTS + "/report");
    }

    @Test
    void shouldRejectARunScopeWithoutARun() {
        assertThatThrownBy(() -> ObjectScope.run("default", "simple", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RUN).hasToString("default/simple run 7");
        assertThat(PIPELINE.isRun()).isFalse();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other side did not get there in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
