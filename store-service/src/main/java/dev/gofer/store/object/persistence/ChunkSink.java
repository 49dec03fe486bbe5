package dev.gofer.store.object.persistence;

import java.io.IOException;

/** Receives an object's chunks in order, one at a time. */
@FunctionalInterface
public interface ChunkSink {

    void accept(byte[] chunk) throws IOException;
}
