package dev.gofer.trigger.interval.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the durations of {@code every}: Go's {@code time.ParseDuration} syntax, which Gofer's interval
 * extension used ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code 1.5h}, {@code 250ms}), or ISO-8601 ({@code PT5M}).
 * Hand-written because no Java library reads Go durations: the JDK reads only ISO-8601, and Quarkus' config
 * converter reads a bare number as seconds, which Go rejects. Signs are not accepted: an interval is positive.
 */
public final class Durations {

    private static final Pattern GO_COMPONENT = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "μs",
            1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException when {@code text} is neither a Go duration nor an ISO-8601 one
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration");
        }
        String s = text.strip();
        if (s.charAt(0) == 'P' || s.charAt(0) == 'p') {
            try {
                return Duration.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 duration: " + s, e);
            }
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = GO_COMPONENT.matcher(s);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("not a duration: " + s);
            }
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(m.group(2)))));
            at = m.end();
        }
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw new IllegalArgumentException("duration out of range: " + s);
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /** Go-style text of a duration, whole milliseconds and up: {@code 1h30m}, {@code 1m}, {@code 1s500ms}. */
    public static String format(Duration d) {
        if (d.isNegative() || d.toMillis() == 0) {
            return d.isNegative() ? "-" + format(d.negated()) : "0s";
        }
        StringBuilder out = new StringBuilder();
        append(out, d.toHours(), "h");
        append(out, d.toMinutesPart(), "m");
        append(out, d.toSecondsPart(), "s");
        append(out, d.toMillisPart(), "ms");
        return out.toString();
    }

    private static void append(StringBuilder out, long value, String unit) {
        if (value != 0) {
            out.append(value).append(unit);
        }
    }
}
