package dev.gofer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import picocli.CommandLine.Option;

/**
 * Where a secret value comes from (a mixin of the {@code put} commands): a file ({@code --file}, byte-exact), else
 * standard input (one trailing newline dropped, so {@code echo s3cret | gofer secret put ...} stores {@code s3cret}),
 * asked for without echo when standard input is a terminal. Never the command line, where it would end up in the shell
 * history and in {@code ps}. The value must be UTF-8 text (the store keeps text).
 */
class SecretInput {

    /** The store takes at most 65536 characters, which UTF-8 encodes in at most 196608 bytes. */
    static final int MAX_BYTES = 256 * 1024;

    // @formatter:off (the house formatter does not wrap annotation arguments)
    @Option(names = "--file", paramLabel = "<file>",
            description = "Read the value from this file, byte-exact (default: standard input; on a terminal it is "
                + "asked for without echo).")
    Path file;

    @Option(names = "--strip-newline",
            description = "With --file: drop one trailing newline (\\n or \\r\\n). Standard input always drops one.")
    boolean stripNewline;
    // @formatter:on

    /**
     * The value, as characters the caller wipes after use.
     *
     * @throws CliException if it cannot be read, is empty, too large or not UTF-8
     */
    char[] read(Main io, String prompt) {
        if (file == null && io.terminal.interactive()) {
            char[] typed = io.terminal.readHidden(prompt);
            if (typed.length == 0) {
                throw new CliException("the secret value is empty");
            }
            return typed;
        }
        byte[] buffer = new byte[MAX_BYTES + 1];
        try {
            int length = file == null ? readStdin(io.stdin, buffer) : readFile(file, buffer);
            if (length > MAX_BYTES) {
                throw new CliException("the secret value is larger than " + MAX_BYTES
                        + " bytes (the store takes at most 65536 characters)");
            }
            if (file == null || stripNewline) {
                length = withoutOneNewline(buffer, length);
            }
            if (length == 0) {
                throw new CliException("the secret value is empty");
            }
            return decode(buffer, length);
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }

    private static int readStdin(InputStream stdin, byte[] buffer) {
        try {
            return stdin.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new CliException("cannot read the secret value from standard input: " + e.getMessage(), e);
        }
    }

    private static int readFile(Path file, byte[] buffer) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(buffer, 0, buffer.length);
        } catch (NoSuchFileException e) {
            throw new CliException("cannot read " + file + ": no such file", e);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code length} without one trailing {@code \n} or {@code \r\n}. */
    static int withoutOneNewline(byte[] bytes, int length) {
        if (length > 0 && bytes[length - 1] == '\n') {
            length--;
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
        }
        return length;
    }

    private static char[] decode(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(length); // UTF-8 never has fewer bytes than chars
        try {
            CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, 0, length), chars, true);
            if (!result.isError()) {
                result = decoder.flush(chars);
            }
            if (result.isError()) {
                throw new CliException("the secret value is not UTF-8 text (store binary values base64-encoded)");
            }
            return Arrays.copyOf(chars.array(), chars.position());
        } finally {
            Arrays.fill(chars.array(), '\0');
        }
    }
}
