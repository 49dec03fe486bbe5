package dev.gofer.cli;

/** ANSI colour, on only for an interactive console and when {@code NO_COLOR} is unset (https://no-color.org). */
final class Style {

    private static final String RESET = "\u001b[0m";

    private final boolean enabled;

    Style(boolean enabled) {
        this.enabled = enabled;
    }

    static Style detect() {
        return new Style(System.console() != null && System.getenv("NO_COLOR") == null);
    }

    String bold(String text) {
        return wrap("\u001b[1m", text);
    }

    String dim(String text) {
        return wrap("\u001b[2m", text);
    }

    /** Colours a state or status word by its meaning (green success, red failure, ...). */
    String state(String word) {
        return switch (word) {
            case "successful", "live", "active" -> wrap("\u001b[32m", word);
            case "failed" -> wrap("\u001b[31m", word);
            case "cancelled", "disabled" -> wrap("\u001b[33m", word);
            case "skipped", "unknown", "waiting", "pending", "deprecated" -> wrap("\u001b[2m", word);
            case "running", "processing" -> wrap("\u001b[36m", word);
            default -> word;
        };
    }

    private String wrap(String code, String text) {
        return enabled && !text.isEmpty() ? code + text + RESET : text;
    }
}
