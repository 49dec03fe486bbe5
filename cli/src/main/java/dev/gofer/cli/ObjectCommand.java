package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer object ...}: pipeline and run objects in the store. */
// @formatter:off
@Command(name = "object", mixinStandardHelpOptions = true,
        description = {
            "Manage objects in the store, through the API (--api-url, with the API token): bytes kept for a "
                + "pipeline (pipeline_object{{key}}) or, with --run, for one run (run_object{{key}}).",
            "%nContent is streamed both ways, never held whole in memory." },
        subcommands = { ObjectPutCommand.class, ObjectGetCommand.class, ObjectListCommand.class,
            ObjectDeleteCommand.class })
// @formatter:on
class ObjectCommand {
}
