package dev.gofer.scheduler.container.docker;

import java.time.Duration;

/**
 * How to reach the Docker engine. {@code responseTimeout} bounds ordinary API calls; log follows, waits and stops use a
 * second connection pool of {@code streamConnections} without a read timeout (a quiet task may print nothing for
 * hours).
 */
public record DockerSettings(String dockerHost, Duration connectTimeout, Duration responseTimeout,
        int streamConnections) {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    public DockerSettings {
        dockerHost = dockerHost == null || dockerHost.isBlank() ? DEFAULT_HOST : dockerHost;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(60) : responseTimeout;
        streamConnections = Math.max(4, streamConnections);
    }

    /** The local engine with default timeouts. */
    public static DockerSettings defaults() {
        return new DockerSettings(DEFAULT_HOST, null, null, 16);
    }
}
