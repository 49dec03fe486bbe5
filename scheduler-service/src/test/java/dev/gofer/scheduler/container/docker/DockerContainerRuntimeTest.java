package dev.gofer.scheduler.container.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.gofer.scheduler.container.ContainerInfo;
import dev.gofer.scheduler.container.ContainerRuntimeException;
import dev.gofer.scheduler.container.ContainerSpec;
import dev.gofer.scheduler.container.ImageRef;
import dev.gofer.scheduler.container.LogFollow;
import dev.gofer.scheduler.container.OutputFrame;
import dev.gofer.testsupport.LocalImages;

/** Against the real Docker engine, with the local busybox image and network mode none. */
class DockerContainerRuntimeTest {

    private static final ImageRef BUSYBOX = ImageRef.parse(LocalImages.BUSYBOX);
    private static DockerContainerRuntime runtime;

    private final String testId = UUID.randomUUID().toString();

    @BeforeAll
    static void connect() {
        runtime = new DockerContainerRuntime(DockerSettings.defaults());
    }

    @AfterAll
    static void disconnect() {
        runtime.close();
    }

    @AfterEach
    void removeContainers() {
        runtime.listByLabels(Map.of("gofer.test", testId)).forEach(c -> runtime.remove(c.id()));
    }

    @Test
    void shouldDeliverEnvCommandOutputAndExitCodeWhenContainerRuns() throws Exception {
        String id = runtime.createAndStart(spec("env-cmd", List.of(),
                List.of("sh", "-c", "echo FOO=$FOO N=$N; echo to-stderr >&2; exit 3"),
                Map.of("FOO", "bar", "N", "42")));
        List<OutputFrame> frames = new CopyOnWriteArrayList<>();

        try (LogFollow follow = runtime.followLogs(id, frames::add)) {
            follow.completion().get(30, TimeUnit.SECONDS);
        }

        assertThat(runtime.waitForExit(id, Duration.ofSeconds(30))).isEqualTo(3);
        assertThat(text(frames, OutputFrame.Source.STDOUT)).isEqualTo("FOO=bar N=42\n");
        assertThat(text(frames, OutputFrame.Source.STDERR)).isEqualTo("to-stderr\n");
        assertThat(runtime.inspect(id)).get().satisfies(c -> {
            assertThat(c.exited()).isTrue();
            assertThat(c.exitCode()).isEqualTo(3);
        });
    }

    @Test
    void shouldApplyCpuAndMemoryLimitsAndNetworkModeWhenSpecHasThem() throws Exception {
        String readLimits = "cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes;"
                + " cat /sys/fs/cgroup/cpu.max 2>/dev/null || cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us; ls /sys/class/net";
        ContainerSpec limited = new ContainerSpec(BUSYBOX, "gofer-test-limits-" + testId, List.of(),
                List.of("sh", "-c", readLimits), Map.of(), Map.of("gofer.test", testId, "gofer.task", "limits"),
                "none", new ContainerSpec.Limits(0.5, 64L * 1024 * 1024));
        ContainerSpec host = new ContainerSpec(BUSYBOX, "gofer-test-host-" + testId, List.of(),
                List.of("ls", "/sys/class/net"), Map.of(), Map.of("gofer.test", testId, "gofer.task", "host"), "host");

        String limitedOut = output(runtime.createAndStart(limited));
        String hostOut = output(runtime.createAndStart(host));

        assertThat(limitedOut.lines().toList()).as(limitedOut).contains(Long.toString(64L * 1024 * 1024), "lo")
                .anySatisfy(l -> assertThat(l).startsWith("50000"));
        assertThat(limitedOut.lines().filter(l -> !l.matches("[0-9 max]+")).toList()).containsExactly("lo");
        assertThat(hostOut.lines().toList()).as("the host's interfaces").contains("lo").hasSizeGreaterThan(1);
    }

    private String output(String containerId) throws Exception {
        List<OutputFrame> frames = new CopyOnWriteArrayList<>();
        try (LogFollow follow = runtime.followLogs(containerId, frames::add)) {
            follow.completion().get(30, TimeUnit.SECONDS);
        }
        return text(frames, OutputFrame.Source.STDOUT);
    }

    @Test
    void shouldKeepFollowingWhenContainerIsQuietLongerThanResponseTimeout() throws Exception {
        try (DockerContainerRuntime impatient = new DockerContainerRuntime(
                new DockerSettings(DockerSettings.DEFAULT_HOST, Duration.ofSeconds(5), Duration.ofSeconds(1), 4))) {
            String id = impatient.createAndStart(spec("quiet", List.of(), List.of("sh", "-c", "sleep 3; echo late"),
                    Map.of()));
            List<OutputFrame> frames = new CopyOnWriteArrayList<>();

            try (LogFollow follow = impatient.followLogs(id, frames::add)) {
                follow.completion().get(30, TimeUnit.SECONDS);
            }

            assertThat(text(frames, OutputFrame.Source.STDOUT)).isEqualTo("late\n");
            assertThat(impatient.waitForExit(id, Duration.ofSeconds(30))).isZero();
        }
    }

    @Test
    void shouldReportTimeoutWhenContainerOutlivesWait() {
        String id = runtime.createAndStart(spec("slow", List.of(), List.of("sleep", "30"), Map.of()));

        assertThatThrownBy(() -> runtime.waitForExit(id, Duration.ofMillis(500)))
                .isInstanceOfSatisfying(ContainerRuntimeException.class,
                        e -> assertThat(e.reason()).isEqualTo(ContainerRuntimeException.Reason.TIMEOUT));
    }

    @Test
    void shouldOverrideEntrypointWhenSpecGivesOne() {
        String id = runtime.createAndStart(spec("entrypoint", List.of("sh", "-c"), List.of("exit 7"), Map.of()));

        assertThat(runtime.waitForExit(id, Duration.ofSeconds(30))).isEqualTo(7);
    }

    @Test
    void shouldSetLabelsAndNameWhenContainerCreated() {
        ContainerSpec spec = spec("labels", List.of(), List.of("true"), Map.of());
        String id = runtime.createAndStart(spec);

        Optional<ContainerInfo> inspected = runtime.inspect(id);
        assertThat(inspected).get().satisfies(c -> {
            assertThat(c.name()).isEqualTo(spec.name());
            assertThat(c.labels()).containsEntry("gofer.test", testId).containsEntry("gofer.task", "labels");
        });
        assertThat(runtime.listByLabels(Map.of("gofer.test", testId, "gofer.task", "labels")))
                .extracting(ContainerInfo::id).containsExactly(id);
        assertThat(runtime.listByLabels(Map.of("gofer.test", testId, "gofer.task", "other"))).isEmpty();
    }

    @Test
    void shouldRemoveRunningContainerWhenAsked() {
        String id = runtime.createAndStart(spec("remove", List.of(), List.of("sleep", "60"), Map.of()));

        assertThat(runtime.remove(id)).isTrue();

        assertThat(runtime.inspect(id)).isEmpty();
        assertThat(runtime.listByLabels(Map.of("gofer.test", testId))).isEmpty();
        assertThat(runtime.remove(id)).isFalse();
    }

    @Test
    void shouldKillContainerWhenItOutlivesStopGrace() throws Exception {
        // Notes the SIGTERM and goes on (wait returns at once on a trapped signal): only a SIGKILL ends it.
        String id = runtime.createAndStart(spec("stop", List.of(),
                List.of("sh", "-c", "trap 'echo got-term' TERM; echo up; while true; do sleep 1 & wait; done"),
                Map.of()));
        List<OutputFrame> frames = new CopyOnWriteArrayList<>();
        try (LogFollow follow = runtime.followLogs(id, frames::add)) {
            // "up" comes after the trap is set.
            await().atMost(Duration.ofSeconds(30)).until(() -> text(frames, OutputFrame.Source.STDOUT).equals("up\n"));

            long started = System.nanoTime();
            runtime.stop(id, Duration.ofSeconds(1));

            assertThat(runtime.waitForExit(id, Duration.ofSeconds(30))).as("killed by the SIGKILL after the grace")
                    .isNotZero().isEqualTo(137);
            System.out.printf("figure: container with a 1 s stop grace exited %d ms after the stop began%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            follow.completion().get(30, TimeUnit.SECONDS);
        }
        assertThat(text(frames, OutputFrame.Source.STDOUT)).as("the SIGTERM first, survived; then the SIGKILL")
                .isEqualTo("up\ngot-term\n");
        assertThat(runtime.inspect(id)).get().satisfies(c -> {
            assertThat(c.exited()).as("stopped, not removed").isTrue();
            assertThat(c.exitCode()).isEqualTo(137);
        });
        runtime.stop(id, Duration.ofSeconds(1)); // stopping a stopped container is fine
        assertThat(runtime.inspect(id)).get().satisfies(c -> assertThat(c.exitCode()).isEqualTo(137));
    }

    @Test
    void shouldFailClearlyWhenImageIsMissing() {
        ImageRef missing = ImageRef.parse("local/gofer-missing-" + testId.substring(0, 8) + ":1");

        assertThat(runtime.imageExists(missing)).isFalse();
        assertThat(runtime.imageExists(BUSYBOX)).isTrue();
        assertThatThrownBy(() -> runtime.createAndStart(new ContainerSpec(missing, "gofer-test-" + testId, List.of(),
                List.of(), Map.of(), Map.of("gofer.test", testId), "none")))
                .isInstanceOfSatisfying(ContainerRuntimeException.class,
                        e -> assertThat(e.reason()).isEqualTo(ContainerRuntimeException.Reason.NOT_FOUND))
                .hasMessageContaining(missing.reference());
        assertThat(runtime.listByLabels(Map.of("gofer.test", testId))).isEmpty();
    }

    @Test
    void shouldRemoveContainerWhenItCannotStart() {
        ContainerSpec spec = spec("no-start", List.of("/no/such/binary"), List.of(), Map.of());

        assertThatThrownBy(() -> runtime.createAndStart(spec)).isInstanceOf(ContainerRuntimeException.class)
                .hasMessageContaining("start container '" + spec.name() + "'");
        assertThat(runtime.listByLabels(Map.of("gofer.test", testId))).isEmpty();
    }

    @Test
    void shouldReportConflictWhenNameIsTaken() {
        ContainerSpec spec = spec("conflict", List.of(), List.of("sleep", "30"), Map.of());
        runtime.createAndStart(spec);

        assertThatThrownBy(() -> runtime.createAndStart(spec)).isInstanceOfSatisfying(
                ContainerRuntimeException.class,
                e -> assertThat(e.reason()).isEqualTo(ContainerRuntimeException.Reason.CONFLICT));
    }

    private ContainerSpec spec(String task, List<String> entrypoint, List<String> command, Map<String, String> env) {
        return new ContainerSpec(BUSYBOX, "gofer-test-" + task + "-" + testId, entrypoint, command, env,
                Map.of("gofer.test", testId, "gofer.task", task), "none");
    }

    private static String text(List<OutputFrame> frames, OutputFrame.Source source) {
        StringBuilder sb = new StringBuilder();
        frames.stream().filter(f -> f.source() == source)
                .forEach(f -> sb.append(new String(f.bytes(), StandardCharsets.UTF_8)));
        return sb.toString();
    }
}
