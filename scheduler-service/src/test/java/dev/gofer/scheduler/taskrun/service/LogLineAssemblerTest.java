package dev.gofer.scheduler.taskrun.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.gofer.events.LogLine;
import dev.gofer.events.LogStream;
import dev.gofer.scheduler.container.OutputFrame;
import dev.gofer.scheduler.container.OutputFrame.Source;

class LogLineAssemblerTest {

    private final List<LogLine> lines = new ArrayList<>();
    private final LogLineAssembler assembler = new LogLineAssembler(lines::add,
            Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC), SecretMasker.none());

    @Test
    void shouldJoinLineWhenItSpansFrames() {
        feed(Source.STDOUT, "hel");
        feed(Source.STDOUT, "lo\nwor");
        feed(Source.STDOUT, "ld\n");

        assertThat(texts()).containsExactly("hello", "world");
        assertThat(lines).extracting(LogLine::seq).containsExactly(1L, 2L);
    }

    @Test
    void shouldCountFinalLineWhenNoNewlineEndsIt() {
        feed(Source.STDOUT, "a\nb");
        assertThat(texts()).containsExactly("a");

        assembler.finish();

        assertThat(texts()).containsExactly("a", "b");
        assertThat(assembler.lines()).isEqualTo(2);
    }

    @Test
    void shouldStripCarriageReturnAndKeepEmptyLinesWhenLinesEndWithCrLf() {
        feed(Source.STDOUT, "one\r\n\r\n\nthree\r\n");

        assertThat(texts()).containsExactly("one", "", "", "three");
    }

    @Test
    void shouldNumberLinesAcrossStreamsWhenStreamsInterleave() {
        feed(Source.STDOUT, "out-1\nout-");
        feed(Source.STDERR, "err-1\n");
        feed(Source.STDOUT, "2\n");
        feed(Source.STDERR, "err-tail");
        feed(Source.STDOUT, "out-tail");
        assembler.finish();

        assertThat(lines).extracting(LogLine::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(texts()).containsExactly("out-1", "err-1", "out-2", "err-tail", "out-tail");
        assertThat(lines).extracting(LogLine::stream).containsExactly(LogStream.STDOUT, LogStream.STDERR,
                LogStream.STDOUT, LogStream.STDERR, LogStream.STDOUT);
    }

    @Test
    void shouldKeepMultibyteCharacterWhenItIsSplitAcrossFrames() {
        byte[] word = "grüße\n".getBytes(StandardCharsets.UTF_8);
        assembler.accept(new OutputFrame(Source.STDOUT, java.util.Arrays.copyOfRange(word, 0, 3)));
        assembler.accept(new OutputFrame(Source.STDOUT, java.util.Arrays.copyOfRange(word, 3, word.length)));

        assertThat(texts()).containsExactly("grüße");
    }

    @Test
    void shouldCutLineAtCharacterBoundaryWhenLineExceedsLimit() {
        String big = "é".repeat(LogLineAssembler.MAX_LINE_BYTES); // two bytes each: twice the limit
        feed(Source.STDOUT, big + "\n");

        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("", texts())).isEqualTo(big);
        assertThat(lines).allSatisfy(l -> assertThat(l.text().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(LogLineAssembler.MAX_LINE_BYTES));
    }

    private void feed(Source source, String text) {
        assembler.accept(new OutputFrame(source, text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> texts() {
        return lines.stream().map(LogLine::text).toList();
    }
}
