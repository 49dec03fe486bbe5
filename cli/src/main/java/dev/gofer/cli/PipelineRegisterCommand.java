package dev.gofer.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.gofer.sdk.Config;
import dev.gofer.sdk.ConfigState;
import dev.gofer.sdk.GoferClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gofer pipeline register <path> [--no-deploy]}: registers a new config version from a JSON file or a Java
 * program and, unless told not to, deploys it.
 */
// @formatter:off
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {
            "Register a pipeline config as the pipeline's next version and deploy it.",
            "%nThe new version becomes live: new runs use it (with --no-deploy it stays unreleased until "
                + "`gofer pipeline deploy`). <path> is pipeline JSON (.json) or a single-file Java pipeline program "
                + "(.java) that prints it; the program runs with this CLI's java and classpath (so it can use the "
                + "Gofer SDK)." })
// @formatter:on
class PipelineRegisterCommand extends GoferCommand {

    @Parameters(paramLabel = "<path>", description = "A .json pipeline config or a .java pipeline program.")
    Path path;

    // @formatter:off
    @Option(names = "--no-deploy",
            description = "Only register the version (it stays unreleased until `gofer pipeline deploy`).")
    // @formatter:on
    boolean noDeploy;

    @Override
    int execute() throws Exception {
        String json = readConfig();
        GoferClient client = client();
        Config config = client.registerConfig(namespace(), json, !noDeploy);
        if (!noDeploy && config.state() != ConfigState.LIVE) {
            // The API may answer before the deployment has finished: look once more.
            config = client.getConfig(namespace(), config.pipelineId(), config.version());
        }
        if (jsonOutput()) {
            JsonOutput.print(out(), "config", config);
            return EXIT_OK;
        }
        Style style = style();
        String registered = "registered pipeline " + style.bold(config.pipelineId()) + " config version "
                + style.bold(Long.toString(config.version()));
        if (noDeploy) {
            out().println(registered + " (" + style.state(config.state().wire()) + "; deploy it with: gofer pipeline"
                    + " deploy " + config.pipelineId() + " " + config.version() + ")");
        } else if (config.state() == ConfigState.LIVE) {
            out().println(registered);
            out().println("version " + config.version() + " is " + style.state("live") + ": new runs use it");
        } else {
            out().println(registered);
            out().println("version " + config.version() + " is " + style.state(config.state().wire())
                    + " while its deployment runs; see: gofer pipeline deployments " + config.pipelineId());
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
