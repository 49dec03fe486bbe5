package dev.gofer.scheduler.container.docker;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

import dev.gofer.scheduler.container.ContainerInfo;
import dev.gofer.scheduler.container.ContainerRuntime;
import dev.gofer.scheduler.container.ContainerRuntimeException;
import dev.gofer.scheduler.container.ContainerRuntimeException.Reason;
import dev.gofer.scheduler.container.ContainerSpec;
import dev.gofer.scheduler.container.ImageRef;
import dev.gofer.scheduler.container.LogFollow;
import dev.gofer.scheduler.container.OutputFrame;
import dev.gofer.scheduler.container.RegistryCredentials;

/**
 * {@link ContainerRuntime} over docker-java with the httpclient5 transport. Two clients share the engine: one with a
 * response timeout for ordinary calls, one without for log follows, waits and stops. docker-java exceptions are
 * translated here and go no further.
 */
public final class DockerContainerRuntime implements ContainerRuntime {

    private static final Logger LOG = Logger.getLogger(DockerContainerRuntime.class);
    private static final String DOCKER_HUB = "https://index.docker.io/v1/";
    private static final Pattern ENGINE_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /**
     * How engines and registries word a refused pull: "unauthorized: authentication required" (distribution), "no basic
     * auth credentials" (none sent), "pull access denied for x, ... may require 'docker login'" (Docker Hub).
     */
    private static final Pattern REGISTRY_REFUSED = Pattern.compile(
            "unauthorized|authentication required|no basic auth credentials|access denied|access to the resource is "
                    + "denied",
            Pattern.CASE_INSENSITIVE);

    /** How the engine words a registry it cannot reach: DNS, refused or timed-out connections, no route. */
    private static final Pattern REGISTRY_UNREACHABLE = Pattern.compile(
            "no such host|connection refused|i/o timeout|network is unreachable|no route to host|TLS handshake timeout"
                    + "|temporary failure in name resolution|server misbehaving|dial tcp|context deadline exceeded",
            Pattern.CASE_INSENSITIVE);

    private final DockerClient api;
    private final DockerClient streams;

    public DockerContainerRuntime(DockerSettings settings) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(settings.dockerHost()).build();
        this.api = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig()).maxConnections(16)
                .connectionTimeout(settings.connectTimeout()).responseTimeout(settings.responseTimeout()).build());
        this.streams = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig())
                .maxConnections(settings.streamConnections()).connectionTimeout(settings.connectTimeout()).build());
    }

    @Override
    public void ping() {
        call("ping the engine", () -> {
            api.pingCmd().exec();
            return null;
        });
    }

    @Override
    public boolean imageExists(ImageRef image) {
        try {
            api.inspectImageCmd(image.reference()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw translate("inspect image '" + image + "'", e);
        }
    }

    /**
     * Pulls with the task's credentials only. Without them the pull is anonymous: docker-java would otherwise fill in
     * the worker host's own docker login ({@code ~/.docker/config.json}), which a task must not borrow.
     */
    @Override
    public void pull(ImageRef image, Optional<RegistryCredentials> credentials, Duration timeout) {
        String pull = "pull image '" + image + "'";
        String action = pull + credentials.map(c -> " as registry user '" + c.username() + "'")
                .orElse(" without registry credentials");
        long started = System.nanoTime();
        try {
            PullImageCmd cmd = api.pullImageCmd(image.name()).withTag(image.digestOpt().orElse(image.tag()))
                    .withAuthConfig(credentials.map(c -> authConfig(image, c)).orElse(null));
            try (PullImageResultCallback callback = cmd.exec(new PullImageResultCallback())) {
                // Also checks that the engine's last word was success ("Downloaded newer image", "up to date").
                if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new ContainerRuntimeException(Reason.TIMEOUT, "cannot " + action + ": not done within "
                            + timeout);
                }
            }
        } catch (ContainerRuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerRuntimeException(Reason.TIMEOUT, "cannot " + action + ": interrupted", e);
        } catch (IOException | RuntimeException e) {
            if (System.nanoTime() - started >= timeout.toNanos()) {
                // An unfinished pull reads as "Could not pull image: Downloading" to docker-java: say what happened.
                throw new ContainerRuntimeException(Reason.TIMEOUT, "cannot " + action + ": not done within "
                        + timeout, e);
            }
            String cause = explain(e);
            if (REGISTRY_UNREACHABLE.matcher(cause).find()) {
                // Not a credentials problem: say so, so nobody goes hunting for a password.
                throw new ContainerRuntimeException(Reason.UNAVAILABLE, "cannot " + pull + ": its registry is not"
                        + " reachable from this worker (" + cause + ")", e);
            }
            if (REGISTRY_REFUSED.matcher(cause).find()) {
                throw new ContainerRuntimeException(Reason.UNAUTHORIZED, "cannot " + action + ": " + cause, e);
            }
            throw translate(pull + credentials.map(c -> " as registry user '" + c.username() + "'").orElse(""), e);
        }
    }

    /** The login for one pull; the server address is the image's registry, as the engine's auth lookup expects. */
    private static AuthConfig authConfig(ImageRef image, RegistryCredentials credentials) {
        return new AuthConfig().withUsername(credentials.username()).withPassword(credentials.password())
                .withRegistryAddress(image.registryHost().orElse(DOCKER_HUB));
    }

    @Override
    public String createAndStart(ContainerSpec spec) {
        String id = call("create container '" + spec.name() + "' from image '" + spec.image() + "'", () -> {
            CreateContainerCmd cmd = api.createContainerCmd(spec.image().reference()).withName(spec.name())
                    .withEnv(spec.envEntries()).withLabels(spec.labels())
                    .withHostConfig(hostConfig(spec));
            if (!spec.entrypoint().isEmpty()) {
                cmd.withEntrypoint(spec.entrypoint());
            }
            if (!spec.command().isEmpty()) {
                cmd.withCmd(spec.command());
            }
            return cmd.exec().getId();
        });
        try {
            api.startContainerCmd(id).exec();
            return id;
        } catch (RuntimeException e) {
            ContainerRuntimeException failure = translate("start container '" + spec.name() + "'", e);
            try {
                remove(id);
            } catch (ContainerRuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    @Override
    public LogFollow followLogs(String containerId, Consumer<OutputFrame> onFrame) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                OutputFrame.Source source = frame.getStreamType() == StreamType.STDERR
                        ? OutputFrame.Source.STDERR
                        : OutputFrame.Source.STDOUT;
                if (frame.getStreamType() != StreamType.STDIN && frame.getPayload() != null) {
                    onFrame.accept(new OutputFrame(source, frame.getPayload()));
                }
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(
                        error instanceof RuntimeException re ? translate("follow logs of " + containerId, re) : error);
                super.onError(error);
            }

            @Override
            public void onComplete() {
                done.complete(null);
                super.onComplete();
            }
        };
        try {
            streams.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(true)
                    .exec(callback);
        } catch (RuntimeException e) {
            throw translate("follow logs of " + containerId, e);
        }
        return new LogFollow() {
            @Override
            public CompletableFuture<Void> completion() {
                return done;
            }

            @Override
            public void close() {
                try {
                    callback.close();
                } catch (IOException | RuntimeException e) {
                    LOG.debugf("closing the log follow of %s: %s", containerId, e.getMessage());
                }
                done.completeExceptionally(
                        new ContainerRuntimeException(Reason.ENGINE, "log follow of " + containerId + " closed"));
            }
        };
    }

    @Override
    public int waitForExit(String containerId, Duration timeout) {
        String action = "wait for container " + containerId;
        try (WaitContainerResultCallback callback = streams.waitContainerCmd(containerId)
                .exec(new WaitContainerResultCallback())) {
            return callback.awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (DockerClientException e) {
            if (e.getMessage() != null && e.getMessage().contains("timeout")) {
                throw new ContainerRuntimeException(Reason.TIMEOUT, "cannot " + action + ": not exited within "
                        + timeout, e);
            }
            throw translate(action, e);
        } catch (IOException | RuntimeException e) {
            throw translate(action, e);
        }
    }

    @Override
    public void stop(String containerId, Duration grace) {
        try {
            streams.stopContainerCmd(containerId).withTimeout((int) Math.max(0, grace.toSeconds())).exec();
        } catch (NotModifiedException e) {
            // already stopped
        } catch (RuntimeException e) {
            throw translate("stop container " + containerId, e);
        }
    }

    @Override
    public boolean remove(String containerId) {
        try {
            api.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (ConflictException e) {
            // removal already in progress
            return true;
        } catch (RuntimeException e) {
            throw translate("remove container " + containerId, e);
        }
    }

    @Override
    public List<ContainerInfo> listByLabels(Map<String, String> labels) {
        List<Container> containers = call("list containers labelled " + labels,
                () -> api.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec());
        return containers.stream().map(c -> new ContainerInfo(c.getId(),
                c.getNames() == null || c.getNames().length == 0 ? null : c.getNames()[0], c.getState(), null,
                c.getLabels())).toList();
    }

    @Override
    public Optional<ContainerInfo> inspect(String containerId) {
        InspectContainerResponse r;
        try {
            r = api.inspectContainerCmd(containerId).exec();
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw translate("inspect container " + containerId, e);
        }
        var state = r.getState();
        Long exit = state == null ? null : state.getExitCodeLong();
        String status = state == null ? null : state.getStatus();
        return Optional.of(new ContainerInfo(r.getId(), r.getName(), status,
                exit == null || "running".equals(status) || "created".equals(status) ? null : exit.intValue(),
                r.getConfig() == null ? Map.of() : r.getConfig().getLabels(),
                finishedAt(state == null ? null : state.getFinishedAt())));
    }

    /** Network mode and, when the task asks for them, CPU and memory limits (no swap beyond the memory limit). */
    private static HostConfig hostConfig(ContainerSpec spec) {
        HostConfig host = HostConfig.newHostConfig().withNetworkMode(spec.networkMode());
        if (spec.limits().nanoCpus() != null) {
            host.withNanoCPUs(spec.limits().nanoCpus());
        }
        if (spec.limits().memoryBytes() != null) {
            host.withMemory(spec.limits().memoryBytes()).withMemorySwap(spec.limits().memoryBytes());
        }
        return host;
    }

    @Override
    public Map<String, String> environment(String containerId) {
        InspectContainerResponse r;
        try {
            r = api.inspectContainerCmd(containerId).exec();
        } catch (NotFoundException e) {
            return Map.of();
        } catch (RuntimeException e) {
            throw translate("inspect container " + containerId, e);
        }
        String[] entries = r.getConfig() == null ? null : r.getConfig().getEnv();
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    /** Docker's {@code FinishedAt} (RFC 3339); its zero value {@code 0001-01-01T00:00:00Z} means not finished. */
    private static Instant finishedAt(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() {
        for (DockerClient client : List.of(api, streams)) {
            try {
                client.close();
            } catch (IOException e) {
                LOG.debugf("closing the docker client: %s", e.getMessage());
            }
        }
    }

    private static <T> T call(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(action, e);
        }
    }

    /** One exception type out of the many docker-java and its transport throw. */
    static ContainerRuntimeException translate(String action, Exception e) {
        if (e instanceof ContainerRuntimeException cre) {
            return cre;
        }
        Reason reason;
        if (e instanceof NotFoundException) {
            reason = Reason.NOT_FOUND;
        } else if (e instanceof ConflictException) {
            reason = Reason.CONFLICT;
        } else if (e instanceof DockerException || e instanceof DockerClientException) {
            reason = Reason.ENGINE;
        } else if (hasCause(e, IOException.class)) {
            reason = Reason.UNAVAILABLE;
        } else {
            reason = Reason.ENGINE;
        }
        return new ContainerRuntimeException(reason, "cannot " + action + ": " + explain(e), e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The engine's own message ("No such image: x") rather than docker-java's wrapping of it. */
    private static String explain(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
        Matcher m = ENGINE_MESSAGE.matcher(message);
        if (m.find()) {
            return m.group(1).replace("\\\"", "\"");
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
