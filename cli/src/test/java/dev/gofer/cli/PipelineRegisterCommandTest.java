package dev.gofer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PipelineRegisterCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PIPELINE_JSON = """
            {"id":"simple","name":"Simple Pipeline","description":null,"parallelism":0,
             "tasks":[{"id":"simple_task","description":null,"image":"ubuntu:latest","registry_auth":null,
                       "depends_on":{},"variables":{},"entrypoint":null,"command":["echo","Hello from Gofer!"],
                       "inject_api_token":false,"always_pull_newest_image":false,"pull_policy":"if_not_present"}]}
            """;

    @TempDir
    Path dir;

    private FakeApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void shouldSendTheFileDeployItAndSayItIsLiveWhenRegisteringAJsonFile() throws Exception {
        api.on("POST", Samples.PIPE + "/configs", 201, Samples.config(4, "live"));
        Path file = Files.writeString(dir.resolve("simple.json"), PIPELINE_JSON);

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "register", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                registered pipeline simple config version 4
                version 4 is live: new runs use it
                """);
        assertThat(api.requests()).hasSize(1);
        assertThat(api.requests().get(0).query()).isEqualTo("deploy=true");
        assertThat(MAPPER.readTree(api.requests().get(0).body())).isEqualTo(MAPPER.readTree(PIPELINE_JSON));
    }

    @Test
    void shouldOnlyRegisterAndSayHowToDeployWhenRegisteringWithNoDeploy() throws Exception {
        api.on("POST", Samples.PIPE + "/configs", 201, Samples.config(5, "unreleased"));
        Path file = Files.writeString(dir.resolve("simple.json"), PIPELINE_JSON);

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "register", file.toString(), "--no-deploy");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("registered pipeline simple config version 5 (unreleased; deploy it with:"
                + " gofer pipeline deploy simple 5)\n");
        assertThat(api.requests()).hasSize(1);
        assertThat(api.requests().get(0).query()).isEqualTo("deploy=false");
    }

    @Test
    void shouldLookAgainWhenTheRegisteredVersionIsNotLiveYet() throws Exception {
        api.on("POST", Samples.PIPE + "/configs", 201, Samples.config(6, "unreleased"));
        api.on("GET", Samples.PIPE + "/configs/6", 200, Samples.config(6, "live"));
        Path file = Files.writeString(dir.resolve("simple.json"), PIPELINE_JSON);

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "register", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).endsWith("version 6 is live: new runs use it\n");
        assertThat(api.requests("GET", Samples.PIPE + "/configs/6")).hasSize(1);
    }

    @Test
    void shouldUseTheNamespaceAndPrintApiJsonWhenOptionsFollowTheSubcommand() throws Exception {
        api.on("POST", "/api/namespaces/team-a/pipelines/simple/configs", 201, Samples.config(2, "live"));
        Path file = Files.writeString(dir.resolve("simple.json"), PIPELINE_JSON);

        Cli.Result result = Cli.run("pipeline", "register", file.toString(), "--api-url", api.url(), "-n", "team-a",
                "-o", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(MAPPER.readTree(result.out()).at("/config/version").asInt()).isEqualTo(2);
        assertThat(MAPPER.readTree(result.out()).at("/config/pipeline_id").asText()).isEqualTo("simple");
    }

    @Test
    void shouldSendTheProgramsStdoutAndShowItsStderrWhenRegisteringAJdkOnlyJavaProgram() throws Exception {
        api.on("POST", Samples.PIPE + "/configs", 201, Samples.config(5, "live"));
        Path program = Files.writeString(dir.resolve("JdkPipeline.java"), """
                public class JdkPipeline {
                    public static void main(String[] args) {
                        System.err.println("building pipeline, PATH set: " + (System.getenv("PATH") != null));
                        System.out.println(%s);
                    }
                }
                """.formatted(javaString(PIPELINE_JSON)));

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "register", program.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("building pipeline, PATH set: true");
        assertThat(result.out()).contains("config version 5");
        assertThat(MAPPER.readTree(api.requests().get(0).body())).isEqualTo(MAPPER.readTree(PIPELINE_JSON));
    }

    @Test
    void shouldRegisterWhatTheSdkPrintsWhenTheProgramUsesTheSdkFromTheClasspath() throws Exception {
        api.on("POST", Samples.PIPE + "/configs", 201, Samples.config(6, "live"));
        Path program = Files.writeString(dir.resolve("SdkPipeline.java"),
                """
                        import dev.gofer.sdk.CustomTask;
                        import dev.gofer.sdk.Pipeline;

                        public class SdkPipeline {
                            public static void main(String[] args) {
                                Pipeline.of("simple", "Simple Pipeline")
                                        .tasks(CustomTask.of("simple_task", "ubuntu:latest")
                                        .command("echo", "Hello from Gofer!"))
                                        .finish();
                            }
                        }
                        """);

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "register", program.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(MAPPER.readTree(api.requests().get(0).body())).isEqualTo(MAPPER.readTree(PIPELINE_JSON));
    }

    @Test
    void shouldRegisterTheSimplePipelineWhenRegisteringTheShippedExample() throws Exception {
        api.on("POST", Samples.PIPE + "/configs", 201, Samples.config(1, "live"));
        Path example = Path.of("..", "examples", "simple", "SimplePipeline.java");

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "register", example.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode body = MAPPER.readTree(api.requests().get(0).body());
        assertThat(body.get("id").asText()).isEqualTo("simple");
        assertThat(body.at("/tasks/0/image").asText())
                .isEqualTo(System.getenv().getOrDefault("GOFER_EXAMPLE_IMAGE", "ubuntu:latest"));
        assertThat(body.at("/tasks/0/description").asText())
                .isEqualTo("This task simply prints our hello-world message and exists!");
        assertThat(body.at("/tasks/0/command").toString()).isEqualTo("[\"echo\",\"Hello from Gofer!\"]");
    }

    @Test
    void shouldExitTwoAndSendNothingWhenTheProgramFails() throws Exception {
        Path program = Files.writeString(dir.resolve("Broken.java"), """
                public class Broken {
                    public static void main(String[] args) {
                        System.err.println("cannot build the pipeline");
                        System.exit(3);
                    }
                }
                """);

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "register", program.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("cannot build the pipeline").contains("exited with code 3");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldPrintTitleDetailAndFieldErrorsWhenTheApiRejectsTheConfig() throws Exception {
        api.onText("POST", Samples.PIPE + "/configs", 400, "application/problem+json", """
                {"type":"about:blank","title":"Invalid pipeline config","status":400,"detail":"1 problem",
                 "errors":[{"field":"tasks[0].image","message":"is required"}]}
                """);
        Path file = Files.writeString(dir.resolve("simple.json"), PIPELINE_JSON);

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "register", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("error: Invalid pipeline config: 1 problem\n  tasks[0].image: is required\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldExitTwoWhenThePathIsNeitherJsonNorJava() throws Exception {
        Path file = Files.writeString(dir.resolve("pipeline.yaml"), "id: simple");

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "register", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("expected a .json pipeline config or a .java pipeline program");
        assertThat(api.requests()).isEmpty();
    }

    private static String javaString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
