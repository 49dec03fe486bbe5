package dev.gofer.cli;

import java.util.Locale;

import picocli.CommandLine;

/** How commands print results. */
enum OutputFormat {
    /** Aligned text for a terminal. */
    PLAIN,
    /** The API's JSON, for scripts. */
    JSON;

    static final class Converter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected plain or json, was '" + value + "'");
            }
        }
    }
}
