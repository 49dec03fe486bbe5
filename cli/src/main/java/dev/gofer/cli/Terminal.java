package dev.gofer.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** The interactive terminal the user types at, if there is one. */
interface Terminal {

    /** Whether standard input comes from a person at a terminal rather than a pipe or a file. */
    boolean interactive();

    /**
     * Prints {@code prompt} and reads one line without echoing it, without its line terminator.
     *
     * @throws CliException if input ends before a line is typed
     */
    char[] readHidden(String prompt);

    /**
     * The JVM's console. Before JDK 22 {@link System#console()} is {@code null} unless standard input and output are
     * both a terminal; from JDK 22 on it may be non-null for redirected streams, and {@code Console.isTerminal()} (not
     * in the Java 17 API, hence looked up) tells.
     */
    static Terminal system() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                Console console = System.console();
                return console != null && isTerminal(console);
            }

            @Override
            public char[] readHidden(String prompt) {
                Console console = System.console();
                if (console == null) {
                    throw new CliException("no terminal to read from");
                }
                char[] typed = console.readPassword("%s", prompt);
                if (typed == null) {
                    throw new CliException("no value typed (end of input)");
                }
                return typed;
            }
        };
    }

    private static boolean isTerminal(Console console) {
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // before JDK 22: a console exists only for a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
