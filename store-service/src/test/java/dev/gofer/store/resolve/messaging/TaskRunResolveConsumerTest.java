package dev.gofer.store.resolve.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.gofer.events.EnvVar;
import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.EventHeaders;
import dev.gofer.events.FailureReason;
import dev.gofer.events.PullPolicy;
import dev.gofer.events.RegistryAuth;
import dev.gofer.events.TaskControls;
import dev.gofer.events.TaskRunEvent;
import dev.gofer.events.TaskRunFailed;
import dev.gofer.events.TaskRunReady;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunToResolve;
import dev.gofer.events.Topics;
import dev.gofer.events.TransitSealer;
import dev.gofer.events.Variable;
import dev.gofer.events.VariableSource;
import dev.gofer.testsupport.GoferInfraResource;
import dev.gofer.testsupport.KafkaTestClient;

@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "store"))
class TaskRunResolveConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TransitSealer SEALER = TransitSealer.fromBase64(GoferInfraResource.TEST_TRANSIT_KEY);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaTestClient kafka;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String namespace = "ns-" + id;
    private final String pipeline = "p-" + id;

    @BeforeEach
    void setUp() {
        kafka = new KafkaTestClient(bootstrapServers);
    }

    @Test
    void shouldPublishReadyWithSealedSecretAndObjectTextWhenReferencesResolve() {
        String secret = "tok-" + UUID.randomUUID();
        putSecret("token", secret);
        putObject("/objects/cfg", "config: yes\nlevel: 3");
        TaskRunRef ref = new TaskRunRef(namespace, pipeline, 1, "build");

        publish(toResolve(ref, List.of(variable("TOKEN", "pipeline_secret{{token}}"),
                variable("CFG", "  Pipeline_Object{{ cfg }} "), variable("PLAIN", "x")), null));

        ConsumerRecord<String, byte[]> record = awaitRecord(Topics.TASK_RUNS_READY, ref.key());
        TaskRunReady ready = (TaskRunReady) EventCodec.decode(record.value(), TaskRunEvent.class).payload();
        assertThat(ready.taskRun()).isEqualTo(ref);
        assertThat(ready.image()).isEqualTo("alpine:3.20");
        assertThat(ready.command()).containsExactly("sh", "-c", "env");
        assertThat(ready.pullPolicy()).isEqualTo(PullPolicy.NEVER);
        assertThat(ready.controls()).isEqualTo(CONTROLS);
        EnvVar token = env(ready, "TOKEN");
        assertThat(token.sealed()).isTrue();
        assertThat(token.value()).isNotEqualTo(secret);
        assertThat(SEALER.open(token.value(), ref.key())).isEqualTo(secret);
        assertThat(env(ready, "CFG")).isEqualTo(new EnvVar("CFG", "config: yes\nlevel: 3", false));
        assertThat(env(ready, "PLAIN")).isEqualTo(new EnvVar("PLAIN", "x", false));
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(secret);
        assertThat(EventHeaders.read(record.headers(), EventHeaders.EVENT_TYPE)).isEqualTo(TaskRunReady.TYPE);
    }

    @Test
    void shouldPublishFailedPreconditionNamingKindAndKeyWhenSecretIsMissing() {
        TaskRunRef ref = new TaskRunRef(namespace, pipeline, 1, "deploy");

        publish(toResolve(ref, List.of(variable("TOKEN", "pipeline_secret{{token}}"), variable("PLAIN", "x")),
                null));

        ConsumerRecord<String, byte[]> record = awaitRecord(Topics.TASK_RUN_STATUS, ref.key());
        TaskRunFailed failed = (TaskRunFailed) EventCodec.decode(record.value(), TaskRunEvent.class).payload();
        assertThat(failed.taskRun()).isEqualTo(ref);
        assertThat(failed.reason()).isEqualTo(FailureReason.FAILED_PRECONDITION);
        assertThat(failed.message()).contains("pipeline secret 'token' not found").contains("variable TOKEN");
        assertThat(failed.reporter()).isEqualTo("store-service");
        assertThat(recordFor(Topics.TASK_RUNS_READY, ref.key())).isEmpty();
    }

    @Test
    void shouldLookUpObjectByInnerKeyWhenVariableNameDiffers() {
        putObject("/objects/settings", "from-settings");
        TaskRunRef ref = new TaskRunRef(namespace, pipeline, 1, "inner-key");

        publish(toResolve(ref, List.of(variable("settings_alias", "pipeline_object{{settings}}"),
                variable("MISSING", "pipeline_object{{MISSING}}")), null));

        TaskRunFailed failed = (TaskRunFailed) EventCodec
                .decode(awaitRecord(Topics.TASK_RUN_STATUS, ref.key()).value(), TaskRunEvent.class).payload();
        assertThat(failed.message()).isEqualTo("pipeline object 'MISSING' not found in " + namespace + "/" + pipeline
                + " (variable MISSING)");
    }

    @Test
    void shouldResolveGlobalSecretOnlyWhenNamespaceMatchesAllowList() {
        String key = "g-" + id;
        String secret = "global-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("key", key, "content", secret, "namespaces", List.of("ns-" + id))).post(
                        "/api/secrets/global")
                .then().statusCode(201);
        TaskRunRef allowed = new TaskRunRef(namespace, pipeline, 1, "global");
        TaskRunRef denied = new TaskRunRef("other-" + namespace, pipeline, 1, "global");

        publish(toResolve(allowed, List.of(variable("GH", "global_secret{{" + key + "}}")), null));
        publish(toResolve(denied, List.of(variable("GH", "global_secret{{" + key + "}}")), null));

        ConsumerRecord<String, byte[]> ready = awaitRecord(Topics.TASK_RUNS_READY, allowed.key());
        EnvVar gh = env((TaskRunReady) EventCodec.decode(ready.value(), TaskRunEvent.class).payload(), "GH");
        assertThat(gh.sealed()).isTrue();
        assertThat(SEALER.open(gh.value(), allowed.key())).isEqualTo(secret);
        assertThat(new String(ready.value(), StandardCharsets.UTF_8)).doesNotContain(secret);
        TaskRunFailed failed = (TaskRunFailed) EventCodec
                .decode(awaitRecord(Topics.TASK_RUN_STATUS, denied.key()).value(), TaskRunEvent.class).payload();
        assertThat(failed.reason()).isEqualTo(FailureReason.FAILED_PRECONDITION);
        assertThat(failed.message()).isEqualTo("global secret '" + key + "' is not allowed in namespace 'other-"
                + namespace + "' (variable GH)");
    }

    @Test
    void shouldResolveRunObjectOnlyFromTheSameRunWhenReferenced() {
        putObject("/runs/2/objects/artifact", "built-in-run-2");
        TaskRunRef sameRun = new TaskRunRef(namespace, pipeline, 2, "child");
        TaskRunRef otherRun = new TaskRunRef(namespace, pipeline, 3, "child");

        publish(toResolve(sameRun, List.of(variable("ART", "run_object{{artifact}}")), null));
        publish(toResolve(otherRun, List.of(variable("ART", "run_object{{artifact}}")), null));

        TaskRunReady ready = (TaskRunReady) EventCodec
                .decode(awaitRecord(Topics.TASK_RUNS_READY, sameRun.key()).value(), TaskRunEvent.class).payload();
        assertThat(env(ready, "ART")).isEqualTo(new EnvVar("ART", "built-in-run-2", false));
        TaskRunFailed failed = (TaskRunFailed) EventCodec
                .decode(awaitRecord(Topics.TASK_RUN_STATUS, otherRun.key()).value(), TaskRunEvent.class).payload();
        assertThat(failed.message()).contains("run object 'artifact' not found").contains("run 3");
    }

    @Test
    void shouldAlwaysSealRegistryPasswordWhenPlainOrReference() {
        String registrySecret = "reg-" + UUID.randomUUID();
        putSecret("registry", registrySecret);
        TaskRunRef plain = new TaskRunRef(namespace, pipeline, 1, "plain-auth");
        TaskRunRef referenced = new TaskRunRef(namespace, pipeline, 1, "ref-auth");

        publish(toResolve(plain, List.of(), new RegistryAuth("bot", "plain-password")));
        publish(toResolve(referenced, List.of(), new RegistryAuth("bot", "pipeline_secret{{registry}}")));

        ConsumerRecord<String, byte[]> plainRecord = awaitRecord(Topics.TASK_RUNS_READY, plain.key());
        RegistryAuth plainAuth = ((TaskRunReady) EventCodec.decode(plainRecord.value(), TaskRunEvent.class)
                .payload()).registryAuth();
        assertThat(plainAuth.user()).isEqualTo("bot");
        assertThat(SEALER.open(plainAuth.pass(), plain.key())).isEqualTo("plain-password");
        assertThat(new String(plainRecord.value(), StandardCharsets.UTF_8)).doesNotContain("plain-password");
        ConsumerRecord<String, byte[]> refRecord = awaitRecord(Topics.TASK_RUNS_READY, referenced.key());
        RegistryAuth refAuth = ((TaskRunReady) EventCodec.decode(refRecord.value(), TaskRunEvent.class).payload())
                .registryAuth();
        assertThat(SEALER.open(refAuth.pass(), referenced.key())).isEqualTo(registrySecret);
        assertThat(new String(refRecord.value(), StandardCharsets.UTF_8)).doesNotContain(registrySecret);
    }

    @Test
    void shouldPublishReadyOncePerAttemptWhenToResolveRecordIsDeliveredAgain() {
        TaskRunRef ref = new TaskRunRef(namespace, pipeline, 1, "redelivered");
        TaskRunToResolve first = toResolve(ref, 1, List.of(variable("PLAIN", "x")), null);
        Envelope<TaskRunToResolve> envelope = Envelope.of(ref.key(), first);

        // The same record twice (as after a restart before the offset was committed), then the same attempt in a
        // new envelope, then the next attempt: same key, same partition, so attempt 2 is resolved after the others.
        send(envelope);
        send(envelope);
        publish(first);
        publish(toResolve(ref, 2, List.of(variable("PLAIN", "x")), null));

        await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> readyAttempts(ref).contains(2));
        assertThat(readyAttempts(ref)).containsExactly(1, 2);
    }

    @Test
    void shouldSendRecordToDlqAndKeepConsumingWhenRecordIsMalformed() {
        String badKey = "bad-" + id;
        kafka.send(Topics.TASK_RUNS_RESOLVE, badKey, "{not json".getBytes(StandardCharsets.UTF_8), Map.of());
        TaskRunRef after = new TaskRunRef(namespace, pipeline, 1, "after-bad");
        publish(toResolve(after, List.of(variable("PLAIN", "still-works")), null));

        ConsumerRecord<String, byte[]> dead = awaitRecord(Topics.dlq(Topics.TASK_RUNS_RESOLVE), badKey);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(EventHeaders.read(dead.headers(), "dead-letter-reason")).contains("malformed JSON");
        TaskRunReady ready = (TaskRunReady) EventCodec
                .decode(awaitRecord(Topics.TASK_RUNS_READY, after.key()).value(), TaskRunEvent.class).payload();
        assertThat(env(ready, "PLAIN").value()).isEqualTo("still-works");
    }

    @Test
    void shouldSendRecordToDlqWhenEventDoesNotBelongOnResolveTopic() {
        TaskRunRef ref = new TaskRunRef(namespace, pipeline, 1, "wrong-type");
        Envelope<TaskRunFailed> wrong = Envelope.of(ref.key(),
                new TaskRunFailed(ref, 1, FailureReason.SCHEDULER_ERROR, "x", "someone"));
        kafka.send(Topics.TASK_RUNS_RESOLVE, ref.key(), EventCodec.encode(wrong), Map.of());

        ConsumerRecord<String, byte[]> dead = awaitRecord(Topics.dlq(Topics.TASK_RUNS_RESOLVE), ref.key());
        assertThat(EventHeaders.read(dead.headers(), "dead-letter-reason")).contains("task-run.failed")
                .contains(Topics.TASK_RUNS_RESOLVE);
    }

    private void putSecret(String key, String content) {
        given().contentType(ContentType.JSON).body(Map.of("key", key, "content", content))
                .post("/api/namespaces/" + namespace + "/pipelines/" + pipeline + "/secrets").then().statusCode(201);
    }

    private void putObject(String path, String content) {
        given().contentType(ContentType.BINARY).body(content.getBytes(StandardCharsets.UTF_8))
                .post("/api/namespaces/" + namespace + "/pipelines/" + pipeline + path).then().statusCode(201);
    }

    private static final TaskControls CONTROLS = new TaskControls(120L, 0.5, 64L * 1024 * 1024, "none");

    private static Variable variable(String key, String value) {
        return new Variable(key, value, VariableSource.PIPELINE_CONFIG);
    }

    private static TaskRunToResolve toResolve(TaskRunRef ref, List<Variable> variables, RegistryAuth auth) {
        return toResolve(ref, 1, variables, auth);
    }

    private static TaskRunToResolve toResolve(TaskRunRef ref, int attempt, List<Variable> variables,
            RegistryAuth auth) {
        return new TaskRunToResolve(ref, attempt, "alpine:3.20", List.of(), List.of("sh", "-c", "env"), variables, auth,
                PullPolicy.NEVER, CONTROLS);
    }

    private void publish(TaskRunToResolve toResolve) {
        send(Envelope.of(toResolve.taskRun().key(), toResolve));
    }

    private void send(Envelope<TaskRunToResolve> envelope) {
        kafka.send(Topics.TASK_RUNS_RESOLVE, envelope.key(), EventCodec.encode(envelope),
                Map.of(EventHeaders.EVENT_ID, envelope.eventId(), EventHeaders.EVENT_TYPE, envelope.type(),
                        EventHeaders.EVENT_VERSION, Integer.toString(envelope.version())));
    }

    private ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> recordFor(topic, key),
                Optional::isPresent).orElseThrow();
    }

    private Optional<ConsumerRecord<String, byte[]>> recordFor(String topic, String key) {
        return kafka.readAll(topic, Duration.ofSeconds(10)).stream().filter(r -> key.equals(r.key())).findFirst();
    }

    /** The attempts of every task-run.ready record of the task run, in topic order. */
    private List<Integer> readyAttempts(TaskRunRef ref) {
        return kafka.readAll(Topics.TASK_RUNS_READY, Duration.ofSeconds(10)).stream()
                .filter(r -> ref.key().equals(r.key()))
                .map(r -> ((TaskRunReady) EventCodec.decode(r.value(), TaskRunEvent.class).payload()).attempt())
                .toList();
    }

    private static EnvVar env(TaskRunReady ready, String key) {
        return ready.env().stream().filter(e -> e.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + key + " in " + ready.env()));
    }
}
