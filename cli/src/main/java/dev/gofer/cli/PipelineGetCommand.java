package dev.gofer.cli;

import java.util.List;
import java.util.Optional;

import dev.gofer.sdk.Config;
import dev.gofer.sdk.ConfigState;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.PipelineMetadata;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer pipeline get <id>}: the pipeline, its live and latest config versions. */
// @formatter:off
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Show a pipeline with its live and latest config versions.")
// @formatter:on
class PipelineGetCommand extends GoferCommand {

    @Parameters(paramLabel = "<id>", description = "Pipeline id.")
    String pipelineId;

    @Override
    int execute() {
        GoferClient client = client();
        PipelineMetadata pipeline = client.getPipeline(namespace(), pipelineId);
        List<Config> configs = client.listConfigs(namespace(), pipelineId);
        if (jsonOutput()) {
            JsonOutput.print(out(), "pipeline", pipeline, "configs", configs);
            return EXIT_OK;
        }
        Style style = style();
        Optional<Config> live = configs.stream().filter(c -> c.state() == ConfigState.LIVE).findFirst();
        Optional<Config> latest = configs.stream().max((a, b) -> Long.compare(a.version(), b.version()));
        Table.plain()
                .row("pipeline", pipeline.pipelineId())
                .row("namespace", pipeline.namespaceId())
                .row("state", style.state(pipeline.state().wire()))
                .row("name", live.or(() -> latest).map(Config::name).orElse(null))
                .row("live", live.map(c -> "version " + c.version()).orElse("none (deploy a version)"))
                .row("latest", latest.map(c -> "version " + c.version() + " (" + style.state(c.state().wire()) + ")")
                        .orElse(null))
                .row("tasks", live.or(() -> latest).map(c -> String.join(" ", Describe.taskIds(c))).orElse(null))
                .row("created", Times.at(pipeline.created()))
                .row("modified", Times.at(pipeline.modified()))
                .print(out(), style);
        return EXIT_OK;
    }
}
