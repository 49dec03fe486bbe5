package dev.gofer.cli;

import java.util.List;

import dev.gofer.sdk.PipelineMetadata;

import picocli.CommandLine.Command;

/** {@code gofer pipeline list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the pipelines of the namespace.")
class PipelineListCommand extends GoferCommand {

    @Override
    int execute() {
        List<PipelineMetadata> pipelines = client().listPipelines(namespace());
        if (jsonOutput()) {
            JsonOutput.print(out(), "pipelines", pipelines);
            return EXIT_OK;
        }
        Style style = style();
        Table table = Table.withHeaders("PIPELINE", "STATE", "CREATED", "MODIFIED").colour(1, style::state);
        for (PipelineMetadata pipeline : pipelines) {
            table.row(pipeline.pipelineId(), pipeline.state().wire(), Times.at(pipeline.created()),
                    Times.at(pipeline.modified()));
        }
        table.print(out(), style);
        return EXIT_OK;
    }
}
