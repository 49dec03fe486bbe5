package dev.gofer.cli;

import java.util.List;

import dev.gofer.sdk.Config;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer pipeline configs <id>}: every config version, newest first. */
// @formatter:off
@Command(name = "configs", mixinStandardHelpOptions = true,
        description = "List a pipeline's config versions, newest first.")
// @formatter:on
class PipelineConfigsCommand extends GoferCommand {

    @Parameters(paramLabel = "<id>", description = "Pipeline id.")
    String pipelineId;

    @Override
    int execute() {
        List<Config> configs = client().listConfigs(namespace(), pipelineId);
        if (jsonOutput()) {
            JsonOutput.print(out(), "configs", configs);
            return EXIT_OK;
        }
        Style style = style();
        Table table = Table.withHeaders("VERSION", "STATE", "NAME", "TASKS", "PARALLELISM", "REGISTERED", "DEPRECATED")
                .colour(1, style::state);
        for (Config config : configs) {
            table.row(config.version(), config.state().wire(), config.name(),
                    config.tasks() == null ? 0 : config.tasks().size(),
                    config.parallelism() == 0 ? "unlimited" : config.parallelism(), Times.at(config.registered()),
                    Times.at(config.deprecated()));
        }
        table.print(out(), style);
        return EXIT_OK;
    }
}
