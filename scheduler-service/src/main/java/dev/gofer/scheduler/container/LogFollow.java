package dev.gofer.scheduler.container;

import java.util.concurrent.CompletableFuture;

/** A running follow of a container's output. Closing it stops delivery; the container is left alone. */
public interface LogFollow extends AutoCloseable {

    /** Completes when the container's output has ended (it stopped), exceptionally if the stream broke. */
    CompletableFuture<Void> completion();

    @Override
    void close();
}
