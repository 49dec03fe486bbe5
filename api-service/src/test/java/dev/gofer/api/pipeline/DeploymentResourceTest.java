package dev.gofer.api.pipeline;

import static dev.gofer.api.pipeline.PipelineFixtures.WAIT;
import static dev.gofer.api.pipeline.PipelineFixtures.domainEvents;
import static dev.gofer.api.pipeline.PipelineFixtures.oneTask;
import static dev.gofer.api.pipeline.PipelineFixtures.pipelinePath;
import static dev.gofer.api.pipeline.PipelineFixtures.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.gofer.api.pipeline.persistence.Deployment;
import dev.gofer.api.pipeline.persistence.DeploymentRepository;
import dev.gofer.api.pipeline.persistence.DeploymentState;
import dev.gofer.api.pipeline.persistence.DeploymentStatus;
import dev.gofer.testsupport.GoferInfraResource;

/** Config versions and their states, deployments and their records, and the rules for deleting versions. */
@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "api"))
class DeploymentResourceTest {

    private static final String IMAGE = "local/busybox:latest";

    @Inject
    DeploymentRepository deployments;

    private static String configs(String pipelineId) {
        return pipelinePath("default", pipelineId) + "/configs";
    }

    @Test
    void shouldMakeVersionLiveAndPreviousDeprecatedWhenVersionIsDeployed() {
        register("default", "promoted", oneTask("promoted", IMAGE, "v1"), false);
        register("default", "promoted", oneTask("promoted", IMAGE, "v2"), false);
        given().get(configs("promoted")).then().statusCode(200).body("configs.version", contains(2, 1))
                .body("configs.state", contains("unreleased", "unreleased"));

        given().post(configs("promoted") + "/1").then().statusCode(201)
                .header("Location", endsWith("/api/namespaces/default/pipelines/promoted/deployments/1"))
                .body("deployment.deployment_id", equalTo(1)).body("deployment.start_version", equalTo(1))
                .body("deployment.end_version", equalTo(1)).body("deployment.state", equalTo("complete"))
                .body("deployment.status", equalTo("successful")).body("deployment.status_reason", nullValue())
                .body("deployment.started", greaterThan(0L)).body("deployment.ended", greaterThan(0L));
        given().get(configs("promoted") + "/1").then().body("config.state", equalTo("live"));

        given().post(configs("promoted") + "/2").then().statusCode(201).body("deployment.deployment_id", equalTo(2))
                .body("deployment.start_version", equalTo(1)).body("deployment.end_version", equalTo(2));
        given().get(configs("promoted")).then().body("configs.state", contains("live", "deprecated"))
                .body("configs[0].deprecated", equalTo(0)).body("configs[1].deprecated", greaterThan(0L));

        given().get(pipelinePath("default", "promoted") + "/deployments").then().statusCode(200)
                .body("deployments.deployment_id", contains(2, 1));
        given().get(pipelinePath("default", "promoted") + "/deployments/1").then().statusCode(200)
                .body("deployment.end_version", equalTo(1)).body("deployment.namespace_id", equalTo("default"))
                .body("deployment.pipeline_id", equalTo("promoted"));
        given().get(pipelinePath("default", "promoted") + "/deployments/9").then().statusCode(404)
                .contentType("application/problem+json");
        await().atMost(WAIT).untilAsserted(() -> assertThat(domainEvents("default/promoted")).containsExactly(
                "pipeline.created", "config.registered", "config.registered", "deployment.started",
                "deployment.completed", "deployment.started", "deployment.completed"));
    }

    @Test
    void shouldRecordSuccessfulDeploymentAndChangeNothingWhenLiveVersionIsDeployedAgain() {
        register("default", "redeployed", oneTask("redeployed", IMAGE, "v1"), true);
        register("default", "redeployed", oneTask("redeployed", IMAGE, "v2"), true);

        given().post(configs("redeployed") + "/2").then().statusCode(201).body("deployment.deployment_id", equalTo(3))
                .body("deployment.start_version", equalTo(2)).body("deployment.end_version", equalTo(2))
                .body("deployment.status", equalTo("successful"));
        given().get(configs("redeployed")).then().body("configs.state", contains("live", "deprecated"));
    }

    @Test
    void shouldDeployLatestWhenVersionIsZeroAndAnswerNotFoundWhenVersionOrPipelineIsUnknown() {
        register("default", "latest-deployed", oneTask("latest-deployed", IMAGE, "v1"), false);
        register("default", "latest-deployed", oneTask("latest-deployed", IMAGE, "v2"), false);

        given().post(configs("latest-deployed") + "/0").then().statusCode(201)
                .body("deployment.end_version", equalTo(2));
        given().post(configs("latest-deployed") + "/7").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("config version 7 of pipeline 'default/latest-deployed' does not exist"));
        given().post(configs("nobody-here") + "/1").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("pipeline 'default/nobody-here' does not exist"));
        given().get(pipelinePath("default", "nobody-here") + "/deployments").then().statusCode(404);
        given().get(configs("nobody-here")).then().statusCode(404);
    }

    @Test
    void shouldAnswerConflictAndStoreNothingWhenAnotherDeploymentIsRunning() {
        register("default", "busy", oneTask("busy", IMAGE, "v1"), true);
        long running = insertRunning("busy", 2, 1, System.currentTimeMillis());

        given().post(configs("busy") + "/1").then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("deployment 2 of pipeline 'default/busy' is still running"));
        given().contentType("application/json").body(oneTask("busy", IMAGE, "v2")).queryParam("deploy", true)
                .post(configs("busy")).then().statusCode(409);
        given().get(configs("busy")).then().body("configs.version", contains(1));

        // Registering without deploying is not a deployment: it goes on.
        assertThat(register("default", "busy", oneTask("busy", IMAGE, "v2"), false)).isEqualTo(2);
        assertThat(register("default", "busy", oneTask("busy", IMAGE, "v3"), false)).isEqualTo(3);
        // A version that a running deployment is promoting cannot be deleted.
        finish(running);
        long promoting = insertRunning("busy", 3, 2, System.currentTimeMillis());
        given().delete(configs("busy") + "/2").then().statusCode(409)
                .body("detail", equalTo("config version 2 of pipeline 'default/busy' is being deployed"));
        finish(promoting);
        given().delete(configs("busy") + "/2").then().statusCode(204);
    }

    @Test
    void shouldTakeOverWhenRunningDeploymentIsPastItsTimeout() {
        register("default", "stuck", oneTask("stuck", IMAGE, "v1"), true);
        register("default", "stuck", oneTask("stuck", IMAGE, "v2"), false);
        insertRunning("stuck", 2, 2, System.currentTimeMillis() - 3_600_000);

        given().post(configs("stuck") + "/2").then().statusCode(201).body("deployment.deployment_id", equalTo(3))
                .body("deployment.status", equalTo("successful"));
        given().get(pipelinePath("default", "stuck") + "/deployments/2").then().statusCode(200)
                .body("deployment.state", equalTo("complete")).body("deployment.status", equalTo("failed"))
                .body("deployment.status_reason.reason", equalTo("abandoned"));
        given().get(configs("stuck") + "/2").then().body("config.state", equalTo("live"));
    }

    @Test
    void shouldRefuseDeletingLatestOrLiveVersionAndDeleteOthersWhenAsked() {
        register("default", "pruned", oneTask("pruned", IMAGE, "v1"), true);
        register("default", "pruned", oneTask("pruned", IMAGE, "v2"), false);
        register("default", "pruned", oneTask("pruned", IMAGE, "v3"), false);

        given().delete(configs("pruned") + "/3").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("config version 3 is the latest of pipeline 'default/pruned' and cannot be"
                        + " deleted"));
        given().delete(configs("pruned") + "/0").then().statusCode(400);
        given().delete(configs("pruned") + "/1").then().statusCode(400).body("detail", equalTo("config version 1"
                + " is live for pipeline 'default/pruned' and cannot be deleted; deploy another version first"));
        given().delete(configs("pruned") + "/9").then().statusCode(404);

        given().delete(configs("pruned") + "/2").then().statusCode(204);

        given().get(configs("pruned") + "/2").then().statusCode(404);
        given().get(configs("pruned")).then().body("configs.version", contains(3, 1));
        given().post(configs("pruned") + "/2").then().statusCode(404);
        // The next registration does not reuse a deleted number.
        assertThat(register("default", "pruned", oneTask("pruned", IMAGE, "v4"), false)).isEqualTo(4);
    }

    /** A deployment some api instance started and has not finished (yet, or ever). */
    private long insertRunning(String pipelineId, long deploymentId, int endVersion, long started) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Deployment d = new Deployment();
            d.namespaceId = "default";
            d.pipelineId = pipelineId;
            d.deploymentId = deploymentId;
            d.startVersion = 1;
            d.endVersion = endVersion;
            d.started = started;
            d.state = DeploymentState.RUNNING;
            d.status = DeploymentStatus.UNKNOWN;
            deployments.persist(d);
            return d.id;
        });
    }

    private void finish(long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            Deployment d = deployments.findById(id);
            d.state = DeploymentState.COMPLETE;
            d.status = DeploymentStatus.SUCCESSFUL;
            d.ended = System.currentTimeMillis();
        });
    }
}
