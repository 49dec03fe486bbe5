package dev.gofer.scheduler.container;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The narrow port to a container engine: everything a worker does with containers, nothing more. Every failure is a
 * {@link ContainerRuntimeException}.
 */
public interface ContainerRuntime extends AutoCloseable {

    /** Checks that the engine answers. */
    void ping();

    boolean imageExists(ImageRef image);

    /** Pulls the image, with registry credentials when given; blocks until done or {@code timeout}. */
    void pull(ImageRef image, Optional<RegistryCredentials> credentials, Duration timeout);

    /**
     * Creates and starts a container; returns its id. A container that was created but would not start is removed
     * before the exception is thrown. A name already in use fails with {@link ContainerRuntimeException.Reason#CONFLICT}.
     */
    String createAndStart(ContainerSpec spec);

    /**
     * Follows stdout and stderr from the beginning: frames go to {@code onFrame} in the order the engine delivers them
     * (on an engine client thread); the follow completes when the container's output ends.
     */
    LogFollow followLogs(String containerId, Consumer<OutputFrame> onFrame);

    /** Blocks until the container has exited and returns its exit code; {@code TIMEOUT} after {@code timeout}. */
    int waitForExit(String containerId, Duration timeout);

    /** Asks the container to stop, killing it after {@code grace}. Stopping a stopped container is fine. */
    void stop(String containerId, Duration grace);

    /** Removes the container, running or not, with its anonymous volumes; false when there was none. */
    boolean remove(String containerId);

    /** All containers, running or not, carrying every one of {@code labels}. */
    List<ContainerInfo> listByLabels(Map<String, String> labels);

    /** The container's state, exit code and labels, or empty when there is no such container. */
    Optional<ContainerInfo> inspect(String containerId);

    /** The container's environment as it was created ({@code KEY=value} entries), or empty when there is none. */
    Map<String, String> environment(String containerId);

    @Override
    void close();
}
