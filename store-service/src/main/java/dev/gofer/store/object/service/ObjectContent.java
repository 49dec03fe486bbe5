package dev.gofer.store.object.service;

import java.io.IOException;
import java.io.OutputStream;

/** An object ready to be streamed out: its metadata, and a writer that copies its bytes chunk by chunk. */
public record ObjectContent(ObjectInfo info, Writer writer) {

    /** Copies the bytes to {@code out}, in a transaction of its own, a chunk at a time. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }
}
