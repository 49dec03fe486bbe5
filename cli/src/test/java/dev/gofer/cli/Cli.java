package dev.gofer.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import picocli.CommandLine;

/**
 * Runs {@code gofer} in-process with captured output, and optionally given stdin, environment, terminal and home
 * directory. The environment holds only what a test gives, and the home directory is one that does not exist unless a
 * test gives one, so the user's own CLI config is never read or written.
 */
final class Cli {

    /**
     * @param out what was printed as text
     * @param bytes what was written to standard output as bytes (object content)
     */
    record Result(int exitCode, String out, String err, byte[] bytes) {
    }

    private byte[] stdin = new byte[0];
    private final Map<String, String> env = new HashMap<>();
    private Terminal terminal = NO_TERMINAL;
    private Path home = NO_HOME;

    /** A home directory that does not exist: no CLI config. */
    static final Path NO_HOME = Path.of(System.getProperty("java.io.tmpdir"),
            "gofer-cli-test-no-home-" + ProcessHandle.current().pid());

    /** Standard input is a pipe or a file. */
    static final Terminal NO_TERMINAL = new Terminal() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public char[] readHidden(String prompt) {
            throw new AssertionError("no terminal in this test");
        }
    };

    private Cli() {
    }

    static Result run(String... args) {
        return new Cli().execute(args);
    }

    /** A run to set up: {@code Cli.with().stdin(...).env(...).execute(args)}. */
    static Cli with() {
        return new Cli();
    }

    Cli stdin(byte[] bytes) {
        this.stdin = bytes;
        return this;
    }

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Cli terminal(Terminal terminal) {
        this.terminal = terminal;
        return this;
    }

    /** The home directory ({@code ~/.config/gofer/config.json} is under it). */
    Cli home(Path home) {
        this.home = home;
        return this;
    }

    Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Main main = new Main();
        main.stdin = new ByteArrayInputStream(stdin);
        main.stdout = bytes;
        main.env = env::get;
        main.terminal = terminal;
        main.home = home;
        CommandLine cli = new CommandLine(main);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Result(exitCode, out.toString(), err.toString(), bytes.toByteArray());
    }
}
