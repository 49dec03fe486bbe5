package dev.gofer.sdk.internal;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The JSON body of a secret put, {@code {"content":"<value>", <other fields>}}, built so that the value goes from
 * {@code char[]} straight to bytes without ever being a {@link String}. {@link #close()} zeroes the bytes; use it in
 * try-with-resources around the request.
 */
public final class SecretBody implements AutoCloseable {

    /** {@code \}{@code uXXXX} is the longest form a char takes. */
    private static final int MAX_BYTES_PER_CHAR = 6;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final byte[] bytes;
    private final int length;

    private SecretBody(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    /**
     * @param content the secret value (not changed, not kept)
     * @param otherFields the remaining fields (no secrets among them), at least one
     */
    public static SecretBody of(char[] content, Map<String, ?> otherFields) {
        if (otherFields.isEmpty()) {
            throw new IllegalArgumentException("a secret body needs other fields");
        }
        byte[] rest = HttpSupport.write(otherFields).getBytes(StandardCharsets.UTF_8); // {"key":...}
        byte[] head = "{\"content\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + content.length * MAX_BYTES_PER_CHAR + 2 + rest.length - 1];
        System.arraycopy(head, 0, bytes, 0, head.length);
        int at = escape(content, bytes, head.length);
        bytes[at++] = '"';
        bytes[at++] = ',';
        System.arraycopy(rest, 1, bytes, at, rest.length - 1);
        return new SecretBody(bytes, at + rest.length - 1);
    }

    /** Publishes the bytes as they are (no copy); valid until {@link #close()}. */
    public HttpRequest.BodyPublisher publisher() {
        return HttpRequest.BodyPublishers.ofByteArray(bytes, 0, length);
    }

    /** The body as text; for tests. */
    String text() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        Arrays.fill(bytes, (byte) 0);
    }

    /** Writes {@code chars} as the inside of a JSON string in UTF-8 from {@code at}; returns the end. */
    private static int escape(char[] chars, byte[] out, int at) {
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '"' || c == '\\') {
                out[at++] = '\\';
                out[at++] = (byte) c;
            } else if (c < 0x20) {
                at = unicodeEscape(c, out, at);
            } else if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < chars.length
                    && Character.isLowSurrogate(chars[i + 1])) {
                int codePoint = Character.toCodePoint(c, chars[++i]);
                out[at++] = (byte) (0xf0 | (codePoint >> 18));
                out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
                out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
                out[at++] = (byte) (0x80 | (codePoint & 0x3f));
            } else if (Character.isSurrogate(c)) {
                at = unicodeEscape(c, out, at); // a lone surrogate has no UTF-8 form; JSON can still carry it
            } else {
                out[at++] = (byte) (0xe0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        return at;
    }

    private static int unicodeEscape(char c, byte[] out, int at) {
        out[at++] = '\\';
        out[at++] = 'u';
        out[at++] = HEX[(c >> 12) & 0xf];
        out[at++] = HEX[(c >> 8) & 0xf];
        out[at++] = HEX[(c >> 4) & 0xf];
        out[at++] = HEX[c & 0xf];
        return at;
    }
}
