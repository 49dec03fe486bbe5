package dev.gofer.scheduler.container;

/** A piece of a container's output as the engine delivered it; a frame may hold several lines or part of one. */
public record OutputFrame(Source source, byte[] bytes) {

    /** Which output the bytes came from. */
    public enum Source {
        STDOUT, STDERR
    }

    public OutputFrame {
        if (source == null) {
            throw new IllegalArgumentException("source is required");
        }
        bytes = bytes == null ? new byte[0] : bytes;
    }
}
