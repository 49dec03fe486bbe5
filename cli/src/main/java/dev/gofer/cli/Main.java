package dev.gofer.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.UnaryOperator;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point of {@code gofer}; holds the global options, which every subcommand inherits. */
// @formatter:off (the house formatter does not wrap annotation arguments)
@Command(name = "gofer", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Run and inspect Gofer pipelines.",
        subcommands = { NamespaceCommand.class, PipelineCommand.class, RunCommand.class, TaskCommand.class,
            EventCommand.class, SecretCommand.class, ObjectCommand.class },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (run start --follow: the run was successful)",
            "1:the followed run failed or was cancelled",
            "2:usage or API error" })
// @formatter:on
public class Main {

    // @formatter:off
    @Option(names = "--api-url", scope = ScopeType.INHERIT, paramLabel = "<url>",
            defaultValue = "${env:GOFER_API_URL:-http://localhost:8080}",
            description = "Gofer API base URL (default: ${DEFAULT-VALUE}; set GOFER_API_URL to change it).")
    String apiUrl;

    @Option(names = "--store-url", scope = ScopeType.INHERIT, paramLabel = "<url>",
            defaultValue = "${env:GOFER_STORE_URL:-http://localhost:8081}",
            description = "Gofer store base URL, for secret and object (default: ${DEFAULT-VALUE}; set GOFER_STORE_URL "
                + "to change it).")
    String storeUrl;

    @Option(names = { "-n", "--namespace" }, scope = ScopeType.INHERIT, paramLabel = "<namespace>",
            defaultValue = "default",
            description = "Namespace (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = { "-o", "--output" }, scope = ScopeType.INHERIT, paramLabel = "plain|json",
            defaultValue = "plain", converter = OutputFormat.Converter.class,
            description = "Output format: plain (for people) or json (the API's JSON, for scripts).")
    OutputFormat output;
    // @formatter:on

    /** Standard input as bytes (secret values, object content); tests replace it. */
    InputStream stdin = System.in;
    /**
     * Standard output as bytes (object content); tests replace it. Flush {@code out()} before writing to it. Not
     * {@code System.out}: a {@code PrintStream} swallows write errors, and a full disk or a closed pipe must fail.
     */
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    /** The environment; tests replace it. */
    UnaryOperator<String> env = System::getenv;
    /** The interactive terminal, if any; tests replace it. */
    Terminal terminal = Terminal.system();

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[]{"gofer " + (version == null ? "(development build)" : version)};
        }
    }
}
