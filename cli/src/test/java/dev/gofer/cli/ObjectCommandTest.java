package dev.gofer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class ObjectCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OBJECTS = "/api/namespaces/default/pipelines/simple/objects";
    private static final String RUN_OBJECTS = "/api/namespaces/default/pipelines/simple/runs/7/objects";
    private static final String API_TOKEN = "user-token";
    private static final String BEARER = "Bearer " + API_TOKEN;

    @TempDir
    Path dir;

    /** The API, the one front door: it serves the store's routes at the same paths. */
    private FakeApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** Runs {@code gofer --api-url <fake API> args} with the API token {@value #API_TOKEN} in the environment. */
    private Cli.Result run(Cli cli, String... args) {
        List<String> all = new ArrayList<>(List.of("--api-url", api.url()));
        all.addAll(List.of(args));
        return cli.env(ApiTarget.TOKEN_ENV, API_TOKEN).execute(all.toArray(String[]::new));
    }

    /** "METHOD path Authorization" of every request the API got. */
    private List<String> sent() {
        return api.requests()
                .stream()
                .map(r -> r.method() + " " + r.path() + " " + r.header("Authorization"))
                .toList();
    }

    private static String created(String key, long size) {
        return "{\"object\":{\"key\":\"" + key + "\",\"size\":" + size + ",\"created\":1700000000000}}";
    }

    /** Every byte value (not UTF-8), so that any text decoding on the way would show. */
    private static byte[] binary(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    @Test
    void shouldStreamTheBytesBothWaysWhenPuttingFromStdinAndGettingToStdout() {
        byte[] content = binary(200_000);
        api.on("POST", OBJECTS + "/build.tar", 201, created("build.tar", content.length));

        Cli.Result put = run(Cli.with().stdin(content), "object", "put", "simple", "build.tar");
        byte[] stored = api.requests().get(0).bytes();
        api.onBytes("GET", OBJECTS + "/build.tar", 200, "application/octet-stream", stored);
        Cli.Result get = run(Cli.with(), "object", "get", "simple", "build.tar");

        assertThat(put.exitCode()).as(put.err()).isZero();
        assertThat(put.out()).isEqualTo("stored object build.tar (200000 bytes) of default/simple "
                + "(use it as pipeline_object{{build.tar}})\n");
        FakeApi.Recorded request = api.requests().get(0);
        assertThat(request.query()).isNull();
        assertThat(request.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(request.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked"); // streamed, length unknown
        assertThat(stored).isEqualTo(content);
        assertThat(get.exitCode()).as(get.err()).isZero();
        assertThat(get.bytes()).isEqualTo(content);
        assertThat(get.out()).isEmpty();
        assertThat(sent()).containsExactly("POST " + OBJECTS + "/build.tar " + BEARER,
                "GET " + OBJECTS + "/build.tar " + BEARER);
    }

    @Test
    void shouldSendTheFileWithForceToTheRunWhenPuttingARunObject() throws Exception {
        byte[] content = binary(5000);
        Path file = Files.write(dir.resolve("report.bin"), content);
        api.on("POST", RUN_OBJECTS + "/report", 201, created("report", content.length));

        Cli.Result result = run(Cli.with(), "object", "put", "simple", "report", "--run", "7", "--file",
                file.toString(), "--force");

        assertThat(result.exitCode()).as(result.err()).isZero();
        FakeApi.Recorded request = api.requests().get(0);
        assertThat(sent()).containsExactly("POST " + RUN_OBJECTS + "/report " + BEARER);
        assertThat(request.query()).isEqualTo("force=true");
        assertThat(request.header("Content-Length")).isEqualTo("5000");
        assertThat(request.bytes()).isEqualTo(content);
        assertThat(result.out()).endsWith("of run 7 of default/simple (use it as run_object{{report}})\n");
    }

    @Test
    void shouldPrintTheProblemAndExitTwoWhenTheObjectExists() {
        api.onText("POST", OBJECTS + "/settings", 409, "application/problem+json", """
                {"type":"urn:gofer:problem:conflict","title":"Conflict","status":409,
                 "detail":"pipeline object 'settings' exists in default/simple"}
                """);

        Cli.Result result = run(Cli.with().stdin("mode=fast".getBytes()), "object", "put", "simple", "settings");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Conflict: pipeline object 'settings' exists in default/simple\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldPrintTheLimitWhenTheObjectIsTooLarge() throws Exception {
        Path file = Files.write(dir.resolve("huge.bin"), binary(70_000));
        api.onText("POST", OBJECTS + "/huge", 413, "application/problem+json",
                "{\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"objects are limited to 65536 bytes\"}");

        Cli.Result result = run(Cli.with(), "object", "put", "simple", "huge", "--file", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Content Too Large: objects are limited to 65536 bytes\n");
    }

    @Test
    void shouldExitTwoWithoutARequestWhenTheFileIsMissing() {
        Cli.Result result = run(Cli.with(), "object", "put", "simple", "x", "--file", dir.resolve("nope").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: cannot read ").endsWith("nope: no such file\n");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldRefuseToReadATerminalWhenPuttingWithoutAFile() {
        Terminal terminal = new Terminal() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public char[] readHidden(String prompt) {
                throw new AssertionError("objects are not typed");
            }
        };

        Cli.Result result = run(Cli.with().terminal(terminal), "object", "put", "simple", "settings");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: give --file, or pipe the content to standard input\n");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldWriteTheFileAndSayWhereWhenGettingToAFile() throws Exception {
        byte[] content = binary(70_000);
        api.onBytes("GET", RUN_OBJECTS + "/report", 200, "application/octet-stream", content);
        Path target = dir.resolve("report.bin");

        Cli.Result result = run(Cli.with(), "object", "get", "simple", "report", "--run", "7", "-O",
                target.toString());
        Cli.Result json = run(Cli.with(), "-o", "json", "object", "get", "simple", "report", "--run", "7",
                "--out-file", target.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(result.out()).isEqualTo("wrote object report (70000 bytes) of run 7 of default/simple to "
                + target + "\n");
        assertThat(result.bytes()).isEmpty();
        assertThat(MAPPER.readTree(json.out())).isEqualTo(MAPPER.readTree(
                "{\"object\":{\"key\":\"report\",\"size\":70000},\"file\":" + MAPPER.writeValueAsString(
                        target.toString()) + "}"));
    }

    @Test
    void shouldWriteToStdoutWhenTheFileIsDash() {
        api.onBytes("GET", OBJECTS + "/settings", 200, "application/octet-stream", "mode=fast".getBytes());

        Cli.Result result = run(Cli.with(), "object", "get", "simple", "settings", "-O", "-");

        assertThat(result.bytes()).isEqualTo("mode=fast".getBytes());
    }

    @Test
    void shouldPrintTheProblemAndLeaveNoFileWhenTheObjectIsAbsent() {
        api.onText("GET", OBJECTS + "/gone", 404, "application/problem+json",
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"pipeline object 'gone' not found in "
                        + "default/simple\"}");
        Path target = dir.resolve("gone.bin");

        Cli.Result result = run(Cli.with(), "object", "get", "simple", "gone", "-O", target.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Not Found: pipeline object 'gone' not found in default/simple\n");
        assertThat(target).doesNotExist();
    }

    @Test
    void shouldPrintTheStoreObjectsWhenListingAsJson() throws Exception {
        String objects = "{\"objects\":[{\"key\":\"settings\",\"size\":9,\"created\":1700000000000}]}";
        api.on("GET", RUN_OBJECTS, 200, objects);

        Cli.Result result = run(Cli.with(), "object", "list", "simple", "--run", "7", "-o", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(MAPPER.readTree(result.out())).isEqualTo(MAPPER.readTree(objects));
        assertThat(sent()).containsExactly("GET " + RUN_OBJECTS + " " + BEARER);
    }

    @Test
    void shouldPrintATableWhenListingObjects() {
        api.on("GET", OBJECTS, 200, """
                {"objects":[{"key":"settings","size":9,"created":1700000000000},
                            {"key":"build.tar","size":204800,"created":1700000000000}]}
                """);

        Cli.Result result = run(Cli.with(), "object", "list", "simple");

        assertThat(result.out().lines().toList()).hasSize(3).satisfies(lines -> {
            assertThat(lines.get(0)).startsWith("KEY        BYTES   CREATED");
            assertThat(lines.get(1)).startsWith("settings   9       " + Times.at(1700000000000L));
            assertThat(lines.get(2)).startsWith("build.tar  204800  ");
        });
    }

    @Test
    void shouldDeleteTheRunObject() {
        api.onStatus("DELETE", RUN_OBJECTS + "/report", 204);

        Cli.Result result = run(Cli.with(), "object", "delete", "simple", "report", "--run", "7");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("deleted object report of run 7 of default/simple\n");
        assertThat(sent()).containsExactly("DELETE " + RUN_OBJECTS + "/report " + BEARER);
    }

    @Test
    void shouldExitTwoWithoutARequestWhenTheRunIsNotPositive() {
        Cli.Result result = run(Cli.with(), "object", "list", "simple", "--run", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--run must be at least 1, was 0");
        assertThat(api.requests()).isEmpty();
    }
}
