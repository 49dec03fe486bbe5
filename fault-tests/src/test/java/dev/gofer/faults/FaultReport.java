package dev.gofer.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of every scenario run in this JVM, as one table: printed to stdout and written to
 * {@code fault-tests/target/fault-suite.txt} after each scenario (so a suite that stops half-way still leaves them).
 */
final class FaultReport {

    /** How many problem descriptions per scenario the report lists. */
    static final int MAX_PROBLEMS = 10;

    /**
     * What one fault did to the runs in flight.
     *
     * @param scenario short name, e.g. {@code (a) SIGKILL api-service}
     * @param runs runs started
     * @param inFlight runs not yet complete when the fault hit
     * @param successful runs that ended successful
     * @param failed runs that ended otherwise (failed, cancelled)
     * @param notTerminal runs still not complete at the bound
     * @param retried task runs whose API view shows an attempt above 1
     * @param unexplained (task run, attempt) pairs started on a worker with an attempt above the API's
     * @param ranTwice (task run, attempt) pairs with more than one distinct container in {@code task-run.started}
     * @param leftover containers of the scenario still present (any state) once the reap bound passed
     * @param lostStatus task runs whose API status disagrees with their last status record
     * @param incompleteLogs task runs whose stored log is not complete or not what the task wrote
     * @param faultTook how long the fault itself took (kill + restart until ready, broker down and up)
     * @param recovered from the start of the fault until every run was complete ({@code null}: never)
     * @param notes scenario-specific figures
     */
    record Row(String scenario, int runs, int inFlight, int successful, int failed, int notTerminal, int retried,
            int unexplained, int ranTwice, int leftover, int lostStatus, int incompleteLogs, Duration faultTook,
            Duration recovered, String notes) {
    }

    private static final List<Row> ROWS = new ArrayList<>();
    private static final List<String> NOTES = new ArrayList<>();
    private static final Instant STARTED = Instant.now();

    private FaultReport() {
    }

    static synchronized void add(Row row, List<String> problems) {
        ROWS.add(row);
        if (!row.notes().isBlank()) {
            NOTES.add(row.scenario() + ": " + row.notes());
        }
        problems.stream().limit(MAX_PROBLEMS).forEach(p -> NOTES.add(row.scenario() + ": problem: " + p));
        if (problems.size() > MAX_PROBLEMS) {
            NOTES.add(row.scenario() + ": ... and " + (problems.size() - MAX_PROBLEMS) + " more problems");
        }
        publish();
    }

    /** A line of its own under the table (e.g. the figures of the worker-loss test). */
    static synchronized void note(String line) {
        NOTES.add(line);
        publish();
    }

    static synchronized String render() {
        StringBuilder out = new StringBuilder();
        out.append("Gofer fault suite, started ").append(STARTED.truncatedTo(ChronoUnit.SECONDS)).append(", ")
                .append(FaultStack.WORKERS).append(" workers (").append(FaultStack.WORKER_PREFIX).append("*)\n\n");
        out.append("| scenario | runs | in flight at fault | successful | failed | not terminal | task runs retried "
                + "| unexplained attempts | containers ran twice | leftover containers | lost statuses "
                + "| incomplete logs | fault took | recovered after |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : ROWS) {
            out.append(String.format(Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %s | %s |%n",
                    r.scenario(), r.runs(), r.inFlight(), r.successful(), r.failed(), r.notTerminal(), r.retried(),
                    r.unexplained(), r.ranTwice(), r.leftover(), r.lostStatus(), r.incompleteLogs(),
                    seconds(r.faultTook()), seconds(r.recovered())));
        }
        if (!NOTES.isEmpty()) {
            out.append('\n');
            NOTES.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    static String seconds(Duration d) {
        return d == null ? "never" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static void publish() {
        String text = render();
        System.out.println();
        System.out.println(text);
        System.out.flush();
        Path file = Path.of(System.getProperty("gofer.repo.root", "..")).toAbsolutePath().normalize()
                .resolve("fault-tests/target/fault-suite.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
