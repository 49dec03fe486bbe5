package dev.gofer.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
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
            EventCommand.class, SecretCommand.class, ObjectCommand.class, LoginCommand.class, ContextCommand.class,
            TokenCommand.class, RoleCommand.class },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (run start --follow: the run was successful)",
            "1:the followed run failed or was cancelled",
            "2:usage or API error" })
// @formatter:on
public class Main {

    // @formatter:off
    /** {@code null} when not given: then {@link ApiTarget} looks at the environment and the current context. */
    @Option(names = "--api-url", scope = ScopeType.INHERIT, paramLabel = "<url>",
            description = "Gofer API base URL (default: env " + ApiTarget.URL_ENV + ", else the current context's, "
                + "else " + ApiTarget.DEFAULT_URL + ").")
    String apiUrl;

    @Option(names = "--token-file", scope = ScopeType.INHERIT, paramLabel = "<file>",
            description = "Send the API token in this file (default: env " + ApiTarget.TOKEN_ENV + ", else the "
                + "current context's token; see gofer login).")
    Path tokenFile;

    /** Hidden, no default, no environment variable: normally the store's routes go to the API URL. */
    @Option(names = "--store-url", scope = ScopeType.INHERIT, paramLabel = "<url>", hidden = true,
            description = "Operator override: send secret and object requests here, with the same token "
                + "(default: the API URL, the one front door).")
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
    /** The user's home directory, where the CLI config file is by default; tests replace it. */
    Path home = Path.of(System.getProperty("user.home"));

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
