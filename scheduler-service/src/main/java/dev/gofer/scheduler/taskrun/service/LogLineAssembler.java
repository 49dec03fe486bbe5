package dev.gofer.scheduler.taskrun.service;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Consumer;

import dev.gofer.events.LogLine;
import dev.gofer.events.LogStream;
import dev.gofer.scheduler.container.OutputFrame;

/**
 * Turns output frames into numbered lines, one buffer per stream: a line may span frames, a final line without a
 * newline still counts, the trailing {@code \n} and {@code \r} are stripped. Lines are numbered 1..n in the order they
 * complete. A line longer than {@link #MAX_LINE_BYTES} is cut (at a character boundary) into several lines, so one
 * runaway line cannot exhaust memory or exceed a Kafka record. Secret values are masked ({@link SecretMasker}) before a
 * line leaves.
 */
final class LogLineAssembler {

    static final int MAX_LINE_BYTES = 16 * 1024;

    private final Consumer<LogLine> sink;
    private final Clock clock;
    private final SecretMasker masker;
    private final Partial stdout = new Partial(LogStream.STDOUT);
    private final Partial stderr = new Partial(LogStream.STDERR);
    private long seq;
    private long order;

    LogLineAssembler(Consumer<LogLine> sink, Clock clock, SecretMasker masker) {
        this.sink = sink;
        this.clock = clock;
        this.masker = masker;
    }

    synchronized void accept(OutputFrame frame) {
        Partial partial = frame.source() == OutputFrame.Source.STDERR ? stderr : stdout;
        byte[] bytes = frame.bytes();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                partial.append(bytes, start, i - start);
                emit(partial, partial.buffer.size());
                start = i + 1;
            }
        }
        partial.append(bytes, start, bytes.length - start);
    }

    /** The output has ended: whatever is left in a buffer is a line, oldest first. */
    synchronized void finish() {
        Arrays.stream(new Partial[]{stdout, stderr}).filter(p -> p.buffer.size() > 0)
                .sorted(Comparator.comparingLong(p -> p.startedAt)).forEach(p -> emit(p, p.buffer.size()));
    }

    /** Lines emitted so far. */
    synchronized long lines() {
        return seq;
    }

    /** Emits the first {@code length} bytes of the partial as a line; the rest stays as the start of the next. */
    private void emit(Partial partial, int length) {
        byte[] all = partial.buffer.toByteArray();
        int end = length;
        while (end > 0 && all[end - 1] == '\r') {
            end--;
        }
        String text = masker.mask(new String(all, 0, end, StandardCharsets.UTF_8));
        partial.buffer.reset();
        partial.buffer.write(all, length, all.length - length);
        partial.startedAt = partial.buffer.size() > 0 ? order++ : -1;
        sink.accept(new LogLine(++seq, partial.stream, text, clock.instant()));
    }

    /** Where a too-long line can be cut without splitting a UTF-8 character. */
    private static int cutPoint(byte[] bytes, int size) {
        int lead = size - 1;
        while (lead > 0 && (bytes[lead] & 0xC0) == 0x80) {
            lead--;
        }
        int b = bytes[lead] & 0xFF;
        int expected = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return size - lead < expected && lead > 0 ? lead : size;
    }

    private final class Partial {
        final LogStream stream;
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        long startedAt = -1;

        Partial(LogStream stream) {
            this.stream = stream;
        }

        void append(byte[] bytes, int offset, int length) {
            if (length <= 0) {
                return;
            }
            if (startedAt < 0) {
                startedAt = order++;
            }
            buffer.write(bytes, offset, length);
            while (buffer.size() > MAX_LINE_BYTES) {
                emit(this, cutPoint(buffer.toByteArray(), MAX_LINE_BYTES));
            }
        }
    }
}
