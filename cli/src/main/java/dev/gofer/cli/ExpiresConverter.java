package dev.gofer.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/**
 * {@code --expires}: a lifetime such as {@code 90s}, {@code 30m}, {@code 12h} or {@code 30d}, or {@code 0} for never
 * ({@link Duration#ZERO}).
 */
final class ExpiresConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern LIFETIME = Pattern.compile("(\\d{1,9})([smhd])");

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher lifetime = LIFETIME.matcher(text);
        if (!lifetime.matches() || Long.parseLong(lifetime.group(1)) == 0) {
            throw new CommandLine.TypeConversionException(
                    "expected 0 (never) or a lifetime such as 90s, 30m, 12h or 30d, was '" + value + "'");
        }
        long amount = Long.parseLong(lifetime.group(1));
        return switch (lifetime.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
