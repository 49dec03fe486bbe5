package dev.gofer.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/**
 * {@code --since}: an ISO-8601 instant ({@code 2026-11-28T09:00:00Z}) or a time ago ({@code 30s}, {@code 15m},
 * {@code 2h}, {@code 1d}).
 */
final class SinceConverter implements CommandLine.ITypeConverter<Instant> {

    private static final Pattern AGO = Pattern.compile("(\\d{1,9})([smhd])");

    private final Clock clock;

    SinceConverter() {
        this(Clock.systemUTC());
    }

    SinceConverter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Matcher ago = AGO.matcher(text);
        if (ago.matches()) {
            long amount = Long.parseLong(ago.group(1));
            Duration duration = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return clock.instant().minus(duration);
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("expected an ISO-8601 instant such as 2026-11-28T09:00:00Z"
                    + " or a time ago such as 30m, 2h or 1d, was '" + value + "'");
        }
    }
}
