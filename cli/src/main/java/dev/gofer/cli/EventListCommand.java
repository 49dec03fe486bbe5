package dev.gofer.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.gofer.sdk.Event;
import dev.gofer.sdk.GoferClient;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gofer event list [--follow] [--after ID | --since TIME]}: recorded events, or a live tail. Plain output is a
 * table (a list) or one aligned line per event (a tail); {@code -o json} prints {@code {"events": [...]}} for a list
 * and one compact JSON object per line for a tail.
 */
// @formatter:off
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {
            "List recorded events, or follow new ones.",
            "%nWithout --follow: every recorded event, or those after --after / since --since. With --follow: those "
                + "first, then new events as they happen until interrupted (only new ones when neither is given)." })
// @formatter:on
class EventListCommand extends GoferCommand {

    /** A guard for an API that does not end a history-only stream: this much silence ends the list. */
    static final Duration LIST_QUIET = Duration.ofSeconds(5);
    private static final int PAYLOAD_WIDTH = 60;

    static final class Start {
        @Option(names = "--after", paramLabel = "<event_id>", description = "Start behind this event id.")
        String after;

        // @formatter:off
        @Option(names = "--since", paramLabel = "<time>", converter = SinceConverter.class,
                description = "Start at this time: an ISO-8601 instant (2026-11-28T09:00:00Z) or a time ago (30m, "
                        + "2h, 1d).")
        // @formatter:on
        Instant since;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Start start;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new events until interrupted.")
    boolean follow;

    @Override
    int execute() {
        GoferClient client = client();
        String after = start == null ? null : start.after;
        Instant since = start == null ? null : start.since;
        if (follow) {
            client.followEvents(after, since, this::printLive);
            return EXIT_OK;
        }
        List<Event> events = client.listEvents(after, after == null && since == null ? Instant.EPOCH : since,
                LIST_QUIET);
        if (jsonOutput()) {
            JsonOutput.print(out(), "events", events);
            return EXIT_OK;
        }
        Table table = Table.withHeaders("ID", "TIME", "TYPE", "KEY", "PAYLOAD");
        for (Event event : events) {
            table.row(event.id(), Times.at(event.occurredAt()), event.type(), event.key(), payload(event));
        }
        table.print(out(), style());
        return EXIT_OK;
    }

    private void printLive(Event event) {
        if (jsonOutput()) {
            JsonOutput.line(out(), event);
        } else {
            out().println(pad(event.id(), 6) + "  " + Times.at(event.occurredAt()) + "  "
                    + style().bold(pad(event.type(), 22)) + "  " + pad(event.key(), 24) + "  " + payload(event));
        }
        out().flush();
    }

    private static String payload(Event event) {
        String json = event.payload() == null ? "" : JsonOutput.compact(event.payload());
        return json.length() <= PAYLOAD_WIDTH ? json : json.substring(0, PAYLOAD_WIDTH - 3) + "...";
    }

    private static String pad(String text, int width) {
        String value = text == null ? "-" : text;
        return value + " ".repeat(Math.max(0, width - value.length()));
    }
}
