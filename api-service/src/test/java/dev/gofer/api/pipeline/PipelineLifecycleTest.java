package dev.gofer.api.pipeline;

import static dev.gofer.api.pipeline.PipelineFixtures.WAIT;
import static dev.gofer.api.pipeline.PipelineFixtures.dispatched;
import static dev.gofer.api.pipeline.PipelineFixtures.domainEvents;
import static dev.gofer.api.pipeline.PipelineFixtures.finishRun;
import static dev.gofer.api.pipeline.PipelineFixtures.kafka;
import static dev.gofer.api.pipeline.PipelineFixtures.oneTask;
import static dev.gofer.api.pipeline.PipelineFixtures.pipelinePath;
import static dev.gofer.api.pipeline.PipelineFixtures.register;
import static dev.gofer.api.pipeline.PipelineFixtures.startRun;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.gofer.api.ApiException;
import dev.gofer.api.pipeline.service.PipelineService;
import dev.gofer.events.EventHeaders;
import dev.gofer.events.TaskRunToResolve;
import dev.gofer.events.Topics;
import dev.gofer.testsupport.GoferInfraResource;

/** Listing, enabling/disabling and deleting pipelines, and which config version a run uses. */
@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "api"))
class PipelineLifecycleTest {

    private static final String IMAGE = "local/busybox:latest";

    @Inject
    PipelineService pipelines;

    @Test
    void shouldUseLiveVersionWhenNewerUnreleasedVersionIsRegistered() {
        register("default", "live-wins", oneTask("live-wins", IMAGE, "from-v1"), true);
        register("default", "live-wins", oneTask("live-wins", "local/other:2", "from-v2"), false);

        long runId = given().contentType(ContentType.JSON).body("{}")
                .post(pipelinePath("default", "live-wins") + "/runs").then().statusCode(201)
                .body("run.config_version", equalTo(1)).extract().jsonPath().getLong("run.run_id");

        String key = "default/live-wins/" + runId + "/only";
        await().atMost(WAIT).until(() -> dispatched(key).size() == 1);
        TaskRunToResolve task = dispatched(key).get(0);
        assertThat(task.image()).isEqualTo(IMAGE);
        assertThat(task.command()).containsExactly("echo", "from-v1");
        given().get(pipelinePath("default", "live-wins") + "/runs/{r}/tasks/only", runId).then()
                .body("task_run.image", equalTo(IMAGE));
    }

    @Test
    void shouldListPipelinesOfNamespaceByIdWhenAsked() {
        given().contentType(ContentType.JSON).body("{\"id\":\"listed\",\"name\":\"Listed\"}")
                .post("/api/namespaces").then().statusCode(201);
        register("listed", "zeta", oneTask("zeta", IMAGE, "z"), false);
        register("listed", "alpha", oneTask("alpha", IMAGE, "a"), false);

        given().get("/api/namespaces/listed/pipelines").then().statusCode(200)
                .body("pipelines.pipeline_id", contains("alpha", "zeta"))
                .body("pipelines.namespace_id", contains("listed", "listed"))
                .body("pipelines.state", contains("active", "active"));
    }

    @Test
    void shouldRefuseRunsWhenPipelineIsDisabledAndAcceptThemWhenEnabledAgain() {
        register("default", "switched", oneTask("switched", IMAGE, "hi"), true);

        given().contentType(ContentType.JSON).body("{\"state\":\"disabled\"}")
                .patch(pipelinePath("default", "switched")).then().statusCode(200)
                .body("pipeline.state", equalTo("disabled"));
        given().get(pipelinePath("default", "switched")).then().body("pipeline.state", equalTo("disabled"));

        given().contentType(ContentType.JSON).body("{}").post(pipelinePath("default", "switched") + "/runs").then()
                .statusCode(409).contentType("application/problem+json").body("title", equalTo("Pipeline disabled"))
                .body("detail", equalTo("pipeline 'default/switched' is disabled"));
        assertThatThrownBy(() -> pipelines.requireRunnable("default", "switched")).isInstanceOf(ApiException.class)
                .hasMessage("pipeline 'default/switched' is disabled")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(409))
                .satisfies(e -> assertThat(((ApiException) e).title()).isEqualTo("Pipeline disabled"));
        // A run request from anyone (here an outside producer) is refused and dead-lettered with the reason.
        String request = """
                {"event_id":"disabled-req-1","type":"run.requested","version":1,"occurred_at":"2026-11-28T09:00:00Z",
                 "key":"default/switched","payload":{"namespace_id":"default","pipeline_id":"switched"}}""";
        kafka().send(Topics.RUN_REQUESTS, "default/switched", request.getBytes(StandardCharsets.UTF_8), Map.of());
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                kafka().readAll(Topics.dlq(Topics.RUN_REQUESTS), Duration.ofSeconds(5)))
                .filteredOn(r -> "default/switched".equals(r.key())).singleElement()
                .satisfies(r -> assertThat(EventHeaders.read(r.headers(), "dead-letter-reason"))
                        .isEqualTo("pipeline 'default/switched' is disabled")));
        given().get(pipelinePath("default", "switched") + "/runs/1").then().statusCode(404);

        given().contentType(ContentType.JSON).body("{\"state\":\"active\"}")
                .patch(pipelinePath("default", "switched")).then().statusCode(200)
                .body("pipeline.state", equalTo("active"));
        pipelines.requireRunnable("default", "switched");
        assertThat(startRun("default", "switched")).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(domainEvents("default/switched")).containsSubsequence(
                "pipeline.created", "config.registered", "deployment.completed", "pipeline.disabled",
                "pipeline.enabled"));
    }

    @Test
    void shouldAnswerProblemsWhenPipelineUpdateIsInvalidOrPipelineUnknown() {
        register("default", "patched", oneTask("patched", IMAGE, "hi"), false);

        given().contentType(ContentType.JSON).body("{\"state\":\"paused\"}").patch(pipelinePath("default", "patched"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("state"))
                .body("errors[0].message", equalTo("must be one of active, disabled"));
        given().contentType(ContentType.JSON).body("{}").patch(pipelinePath("default", "patched")).then()
                .statusCode(400);
        given().contentType(ContentType.JSON).body("{\"state\":\"disabled\"}")
                .patch(pipelinePath("default", "unheard-of")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldExplainWhyPipelineCannotRunWhenUnknownOrNotDeployed() {
        register("default", "undeployed", oneTask("undeployed", IMAGE, "hi"), false);

        assertThatThrownBy(() -> pipelines.requireRunnable("default", "never-registered"))
                .isInstanceOf(ApiException.class).hasMessage("pipeline 'default/never-registered' does not exist")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));
        given().contentType(ContentType.JSON).body("{}").post(pipelinePath("default", "undeployed") + "/runs").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("pipeline 'default/undeployed' has no live config; deploy a config version"
                        + " first"));
        assertThatThrownBy(() -> pipelines.requireRunnable("default", "undeployed")).isInstanceOf(ApiException.class)
                .hasMessage("pipeline 'default/undeployed' has no live config; deploy a config version first")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(409));
    }

    @Test
    void shouldRefuseDeleteWhileRunIsUnfinishedAndDeleteEverythingWhenRunsAreComplete() {
        register("default", "doomed", oneTask("doomed", IMAGE, "v1"), true);
        register("default", "doomed", oneTask("doomed", IMAGE, "v2"), true);
        long runId = startRun("default", "doomed");

        given().delete(pipelinePath("default", "doomed")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("pipeline 'default/doomed' has 1 unfinished run(s); cancel them or wait for"
                        + " them to complete"));

        finishRun("default", "doomed", runId);
        given().delete(pipelinePath("default", "doomed")).then().statusCode(204);

        given().get(pipelinePath("default", "doomed")).then().statusCode(404);
        given().get(pipelinePath("default", "doomed") + "/configs/1").then().statusCode(404);
        given().get(pipelinePath("default", "doomed") + "/runs/{r}", runId).then().statusCode(404);
        given().get(pipelinePath("default", "doomed") + "/deployments/1").then().statusCode(404);
        given().get("/api/namespaces/default/pipelines").then().body("pipelines.pipeline_id", not(hasItem("doomed")));
        given().delete(pipelinePath("default", "doomed")).then().statusCode(404);
        // Registered again, it starts from scratch.
        assertThat(register("default", "doomed", oneTask("doomed", IMAGE, "v1"), false)).isEqualTo(1);
    }
}
