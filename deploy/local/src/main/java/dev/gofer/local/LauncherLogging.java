package dev.gofer.local;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** java.util.logging set-up: libraries (Kafka, zonky) only at WARNING, one short line per record. */
final class LauncherLogging {

    private static final List<Logger> PINNED = new ArrayList<>();

    private LauncherLogging() {
    }

    /**
     * Kafka logs hundreds of INFO lines per start; keep its warnings. Skipped when the JVM has its own logging
     * configuration file. The loggers are pinned: java.util.logging holds them weakly and would forget the level.
     */
    static synchronized void quietLibraries() {
        if (!PINNED.isEmpty() || System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky")) {
            pin(name, Level.WARNING);
        }
        // "Performing controller activation" at every start is a WARNING that says nothing is wrong.
        pin("org.apache.kafka.controller.ActivationRecordsGenerator", Level.SEVERE);
    }

    private static void pin(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        PINNED.add(logger);
    }

    /** For the launcher's main: {@code 12:00:01.234 INFO  message} on the console. */
    static void oneLineConsole() {
        quietLibraries();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFormatter(new OneLine());
        }
    }

    private static final class OneLine extends Formatter {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

        @Override
        public String format(LogRecord r) {
            StringBuilder line = new StringBuilder(LocalTime.now().format(TIME)).append(' ')
                    .append(String.format("%-7s", r.getLevel().getName())).append(' ');
            String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
            if (!logger.startsWith("dev.gofer.")) {
                line.append('[').append(logger.substring(logger.lastIndexOf('.') + 1)).append("] ");
            }
            line.append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                line.append("    ").append(r.getThrown()).append(System.lineSeparator());
            }
            return line.toString();
        }
    }
}
