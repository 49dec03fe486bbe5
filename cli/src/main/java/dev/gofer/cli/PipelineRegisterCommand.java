package dev.gofer.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.gofer.sdk.Config;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer pipeline register <path>}: registers a new config version from a JSON file or a Java program. */
// @formatter:off
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {
            "Register a pipeline config as the pipeline's next version.",
            "<path> is pipeline JSON (.json) or a single-file Java pipeline program (.java) that prints it;",
            "the program runs with this CLI's java and classpath (so it can use the Gofer SDK)." })
// @formatter:on
class PipelineRegisterCommand extends GoferCommand {

    @Parameters(paramLabel = "<path>", description = "A .json pipeline config or a .java pipeline program.")
    Path path;

    @Override
    int execute() throws Exception {
        String json = readConfig();
        Config config = client().registerConfig(namespace(), json);
        if (jsonOutput()) {
            JsonOutput.print(out(), "config", config);
        } else {
            out().println("registered pipeline " + style().bold(config.pipelineId()) + " config version "
                    + style().bold(Long.toString(config.version())));
        }
        return EXIT_OK;
    }

    private String readConfig() throws Exception {
        if (!Files.isRegularFile(path)) {
            throw new CliException("no such file: " + path);
        }
        String name = path.getFileName().toString();
        if (name.endsWith(".json")) {
            return Files.readString(path);
        }
        if (name.endsWith(".java")) {
            return PipelineProgram.run(path, err(), PipelineProgram.DEFAULT_TIMEOUT);
        }
        throw new CliException("expected a .json pipeline config or a .java pipeline program, got " + path);
    }
}
