package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.gofer.testsupport.LocalImages;

/** The CLI as a user runs it: the built jar, against the running stack, on the seed's example pipeline. */
class CliIT {

    private static final Path REPO = Path.of(System.getProperty("gofer.repo.root", "..")).toAbsolutePath()
            .normalize();

    record Result(int exitCode, String out) {
    }

    private static Result gofer(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", REPO.resolve("cli/target/gofer-cli.jar").toString(), "--api-url",
                Stack.get().apiUrl()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true);
        builder.environment().put("GOFER_EXAMPLE_IMAGE", LocalImages.BUSYBOX);
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("GOFER_API_TOKEN", Stack.get().adminToken());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gofer " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    @Test
    void shouldRegisterSeedExampleAndFollowItsRunToTheTaskLogWhenUsingTheCli() throws Exception {
        Result register = gofer("pipeline", "register", "examples/simple/SimplePipeline.java");
        assertThat(register.exitCode()).as(register.out()).isZero();

        Result run = gofer("run", "start", "simple", "--follow");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("simple_task").contains("Hello from Gofer!").contains("successful");
    }

    @Test
    void shouldExitNonZeroWhenFollowedRunFails() throws Exception {
        Path pipeline = REPO.resolve("e2e-tests/target/failing-pipeline.json");
        java.nio.file.Files.writeString(pipeline, """
                {"id":"cli-fails","name":"Fails","parallelism":0,"tasks":[
                 {"id":"boom","image":"%s","command":["sh","-c","echo going down; exit 7"]}]}"""
                .formatted(LocalImages.BUSYBOX));
        assertThat(gofer("pipeline", "register", pipeline.toString()).exitCode()).isZero();

        Result run = gofer("run", "start", "cli-fails", "--follow");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("going down").contains("failed");
    }
}
