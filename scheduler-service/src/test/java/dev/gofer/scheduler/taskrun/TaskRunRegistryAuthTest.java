package dev.gofer.scheduler.taskrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.FailureReason;
import dev.gofer.events.LogChunk;
import dev.gofer.events.LogLine;
import dev.gofer.events.PullPolicy;
import dev.gofer.events.RegistryAuth;
import dev.gofer.events.TaskRunEvent;
import dev.gofer.events.TaskRunExited;
import dev.gofer.events.TaskRunFailed;
import dev.gofer.events.TaskRunReady;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunStarted;
import dev.gofer.events.Topics;
import dev.gofer.events.TransitSealer;
import dev.gofer.scheduler.container.ContainerRuntime;
import dev.gofer.scheduler.container.ImageRef;
import dev.gofer.scheduler.taskrun.service.TaskRunContainers;
import dev.gofer.testsupport.GoferInfraResource;
import dev.gofer.testsupport.KafkaTestClient;
import dev.gofer.testsupport.LocalImages;
import dev.gofer.testsupport.LocalRegistry;

/**
 * Private images end to end: real Kafka, real Docker and a real registry on localhost that demands a login. The
 * {@code registry_auth.pass} arrives sealed, as store-service sends it.
 */
@QuarkusTest
@WithTestResource(GoferInfraResource.class)
class TaskRunRegistryAuthTest {

    private static final Duration AT_MOST = Duration.ofSeconds(90);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final String WRONG_PASSWORD = "wr0ng-registry-passw0rd";
    private static final TransitSealer SEALER = TransitSealer.fromBase64(GoferInfraResource.TEST_TRANSIT_KEY);

    private static LocalRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ContainerRuntime runtime;

    @BeforeAll
    static void startRegistry() {
        registry = LocalRegistry.start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close(); // also removes what the worker pulled from it
    }

    @Test
    void shouldPullAndRunPrivateImageWhenRegistryAuthIsRightAndPolicyIsAlways() {
        TaskRunRef ref = newTaskRun();
        String image = pushed();
        assertThat(runtime.imageExists(ImageRef.parse(image))).as("pushed tag removed locally").isFalse();

        publish(new TaskRunReady(ref, 1, image, List.of(), List.of("echo", "hello-from-private-registry"), List.of(),
                auth(ref, registry.password()), PullPolicy.ALWAYS));

        TaskRunExited exited = await().atMost(AT_MOST).until(() -> status(ref, TaskRunExited.class), l -> !l.isEmpty())
                .get(0);
        assertThat(exited.exitCode()).isZero();
        assertThat(logLines(ref)).extracting(LogLine::text).containsExactly("hello-from-private-registry");
        assertThat(statuses(ref)).hasSize(2).first().isInstanceOf(TaskRunStarted.class);
        assertThat(runtime.imageExists(ImageRef.parse(image))).as("pulled by the worker").isTrue();
        assertNoPasswordOnStatusTopic(ref);
    }

    @Test
    void shouldPullAndRunPrivateImageWhenRegistryAuthIsRightAndImageIsAbsent() {
        TaskRunRef ref = newTaskRun();
        String image = pushed();

        publish(new TaskRunReady(ref, 1, image, List.of(), List.of("echo", "pulled-if-not-present"), List.of(),
                auth(ref, registry.password()), PullPolicy.IF_NOT_PRESENT));

        TaskRunExited exited = await().atMost(AT_MOST).until(() -> status(ref, TaskRunExited.class), l -> !l.isEmpty())
                .get(0);
        assertThat(exited.exitCode()).isZero();
        assertThat(logLines(ref)).extracting(LogLine::text).containsExactly("pulled-if-not-present");
    }

    @Test
    void shouldFailNamingPullAndRegistryRefusalWhenPasswordIsWrong() {
        TaskRunRef ref = newTaskRun();
        String image = pushed();

        publish(new TaskRunReady(ref, 1, image, List.of(), List.of("echo", "must-not-run"), List.of(),
                auth(ref, WRONG_PASSWORD), PullPolicy.ALWAYS));

        TaskRunFailed failed = awaitFailed(ref);
        assertThat(failed.message()).contains("pull image '" + image + "'")
                .contains("as registry user '" + registry.user() + "'").contains("unauthorized")
                .contains("registry_auth");
        assertNothingStarted(ref, image);
    }

    @Test
    void shouldFailNamingPullAndMissingCredentialsWhenRegistryNeedsThemAndTaskHasNone() {
        TaskRunRef ref = newTaskRun();
        String image = pushed();

        publish(new TaskRunReady(ref, 1, image, List.of(), List.of("echo", "must-not-run"), List.of(), null,
                PullPolicy.IF_NOT_PRESENT));

        TaskRunFailed failed = awaitFailed(ref);
        assertThat(failed.message()).contains("pull image '" + image + "' without registry credentials")
                .contains("no basic auth credentials").contains("no registry_auth");
        assertNothingStarted(ref, image);
    }

    @Test
    void shouldFailNamingPolicyWithoutAskingRegistryWhenPolicyIsNeverAndImageIsAbsent() {
        TaskRunRef ref = newTaskRun();
        String image = pushed();

        publish(new TaskRunReady(ref, 1, image, List.of(), List.of("echo", "must-not-run"), List.of(),
                auth(ref, registry.password()), PullPolicy.NEVER));

        TaskRunFailed failed = awaitFailed(ref);
        assertThat(failed.message()).contains("image '" + image + "' is not present")
                .contains("pull_policy is never");
        assertNothingStarted(ref, image);
    }

    private TaskRunFailed awaitFailed(TaskRunRef ref) {
        TaskRunFailed failed = await().atMost(AT_MOST).until(() -> status(ref, TaskRunFailed.class), l -> !l.isEmpty())
                .get(0);
        assertThat(failed.reason()).isEqualTo(FailureReason.SCHEDULER_ERROR);
        assertThat(failed.message()).doesNotContain(WRONG_PASSWORD, registry.password());
        return failed;
    }

    private void assertNothingStarted(TaskRunRef ref, String image) {
        assertThat(statuses(ref)).hasSize(1);
        assertThat(runtime.listByLabels(TaskRunContainers.identity(ref, 1))).isEmpty();
        assertThat(runtime.imageExists(ImageRef.parse(image))).isFalse();
        assertNoPasswordOnStatusTopic(ref);
    }

    private void assertNoPasswordOnStatusTopic(TaskRunRef ref) {
        List<String> forms = List.of(WRONG_PASSWORD, registry.password(), base64(WRONG_PASSWORD),
                base64(registry.password()));
        assertThat(kafka().readAll(Topics.TASK_RUN_STATUS, READ_TIMEOUT)).filteredOn(r -> ref.key().equals(r.key()))
                .isNotEmpty().map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .allSatisfy(v -> assertThat(v).doesNotContain(forms.toArray(String[]::new)));
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh tag in the registry (so the engine does not have it yet). */
    private static String pushed() {
        return registry.push(LocalImages.BUSYBOX, "gofer-test/busybox:" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** As store-service sends it: the password sealed for this task run. */
    private static RegistryAuth auth(TaskRunRef ref, String password) {
        return new RegistryAuth(registry.user(), SEALER.seal(password, ref.key()));
    }

    private static TaskRunRef newTaskRun() {
        return new TaskRunRef("ns", "p-" + UUID.randomUUID().toString().substring(0, 8), 1, "task");
    }

    private KafkaTestClient kafka() {
        return new KafkaTestClient(bootstrapServers);
    }

    private void publish(TaskRunReady ready) {
        Envelope<TaskRunReady> envelope = Envelope.of(ready.taskRun().key(), ready);
        kafka().send(Topics.TASK_RUNS_READY, envelope.key(), EventCodec.encode(envelope), Map.of());
    }

    private List<TaskRunEvent> statuses(TaskRunRef ref) {
        return kafka().readAll(Topics.TASK_RUN_STATUS, READ_TIMEOUT).stream().filter(r -> ref.key().equals(r.key()))
                .map(r -> (TaskRunEvent) EventCodec.decode(r.value(), TaskRunEvent.class).payload()).toList();
    }

    private <T extends TaskRunEvent> List<T> status(TaskRunRef ref, Class<T> type) {
        return statuses(ref).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<LogLine> logLines(TaskRunRef ref) {
        return kafka().readAll(Topics.TASK_RUN_LOGS, READ_TIMEOUT).stream().filter(r -> ref.key().equals(r.key()))
                .map(r -> (LogChunk) EventCodec.decode(r.value()).payload()).flatMap(c -> c.lines().stream())
                .toList();
    }
}
