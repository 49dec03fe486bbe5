package dev.gofer.api.namespace;

import static dev.gofer.api.pipeline.PipelineFixtures.WAIT;
import static dev.gofer.api.pipeline.PipelineFixtures.domainEvents;
import static dev.gofer.api.pipeline.PipelineFixtures.finishRun;
import static dev.gofer.api.pipeline.PipelineFixtures.oneTask;
import static dev.gofer.api.pipeline.PipelineFixtures.pipelinePath;
import static dev.gofer.api.pipeline.PipelineFixtures.register;
import static dev.gofer.api.pipeline.PipelineFixtures.startRun;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.gofer.api.namespace.service.NamespaceService;
import dev.gofer.testsupport.GoferInfraResource;

@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "api"))
class NamespaceResourceTest {

    private static final String NAMESPACES = "/api/namespaces";

    @Inject
    NamespaceService namespaces;

    private static void create(String id, String name, String description) {
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"description\":\"" + description + "\"}")
                .post(NAMESPACES).then().statusCode(201);
    }

    @Test
    void shouldHaveDefaultNamespaceWhenServiceHasStarted() {
        given().get(NAMESPACES + "/default").then().statusCode(200).body("namespace.id", equalTo("default"))
                .body("namespace.name", equalTo("Default"))
                .body("namespace.description",
                        equalTo("The original namespace created automatically by the Gofer system."))
                .body("namespace.created", greaterThan(0L));
        given().get(NAMESPACES).then().statusCode(200).body("namespaces.id", hasItem("default"));
    }

    @Test
    void shouldCreateDefaultNamespaceOnceWhenInstancesStartTogether() {
        List<CompletableFuture<Void>> starts = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.runAsync(namespaces::ensureDefault)).toList();

        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();

        assertThat(namespaces.list()).filteredOn(n -> n.id().equals("default")).singleElement()
                .satisfies(n -> assertThat(n.name()).isEqualTo("Default"));
    }

    @Test
    void shouldCreateGetUpdateAndListNamespaceWhenRequestsAreValid() {
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"team_a-1\",\"name\":\"Team A\",\"description\":\"the first team\"}")
                .post(NAMESPACES).then().statusCode(201)
                .header("Location", endsWith("/api/namespaces/team_a-1"))
                .body("namespace.id", equalTo("team_a-1")).body("namespace.name", equalTo("Team A"))
                .body("namespace.description", equalTo("the first team"))
                .body("namespace.created", greaterThan(0L)).body("namespace.modified", equalTo(0));

        given().contentType(ContentType.JSON).body("{\"description\":\"renamed later\"}")
                .patch(NAMESPACES + "/team_a-1").then().statusCode(200).body("namespace.name", equalTo("Team A"))
                .body("namespace.description", equalTo("renamed later")).body("namespace.modified", greaterThan(0L));
        given().contentType(ContentType.JSON).body("{\"name\":\"Team Alpha\"}").patch(NAMESPACES + "/team_a-1")
                .then().statusCode(200).body("namespace.name", equalTo("Team Alpha"))
                .body("namespace.description", equalTo("renamed later"));

        given().get(NAMESPACES + "/team_a-1").then().statusCode(200).body("namespace.name", equalTo("Team Alpha"));
        given().get(NAMESPACES).then().body("namespaces.id", hasItems("default", "team_a-1"));
        given().get(NAMESPACES + "/team_a-1/pipelines").then().statusCode(200)
                .body("pipelines", empty());
        await().atMost(WAIT).untilAsserted(() -> assertThat(domainEvents("team_a-1"))
                .containsExactly("namespace.created", "namespace.updated", "namespace.updated"));
    }

    @Test
    void shouldDefaultNameToIdWhenOnlyIdIsGiven() {
        given().contentType(ContentType.JSON).body("{\"id\":\"bare\"}").post(NAMESPACES).then().statusCode(201)
                .body("namespace.name", equalTo("bare")).body("namespace.description", equalTo(""));
    }

    @Test
    void shouldAnswerConflictWhenNamespaceExists() {
        create("twice", "Twice", "");

        given().contentType(ContentType.JSON).body("{\"id\":\"twice\",\"name\":\"Again\"}").post(NAMESPACES).then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("namespace 'twice' already exists"));
        given().contentType(ContentType.JSON).body("{\"id\":\"default\",\"name\":\"Again\"}").post(NAMESPACES)
                .then().statusCode(409);
        given().get(NAMESPACES + "/twice").then().body("namespace.name", equalTo("Twice"));
    }

    @Test
    void shouldAnswerBadRequestNamingFieldWhenIdOrNameIsInvalid() {
        for (String body : List.of("{\"id\":\"ab\",\"name\":\"Short\"}",
                "{\"id\":\"has space\",\"name\":\"Space\"}", "{\"id\":\"dots.not.allowed\",\"name\":\"Dots\"}",
                "{\"id\":\"a-very-long-namespace-id-of-33-ch\",\"name\":\"Long\"}", "{\"name\":\"No id\"}")) {
            given().contentType(ContentType.JSON).body(body).post(NAMESPACES).then().statusCode(400)
                    .contentType("application/problem+json").body("title", equalTo("Invalid namespace"))
                    .body("errors[0].field", equalTo("id"))
                    .body("errors[0].message", equalTo("must be 3-32 characters of A-Z, a-z, 0-9, '-' and '_'"));
        }
        given().contentType(ContentType.JSON).body("{\"id\":\"blank-name\",\"name\":\" \"}").post(NAMESPACES)
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body("{\"id\":").post(NAMESPACES).then().statusCode(400)
                .contentType("application/problem+json");
        given().get(NAMESPACES).then().body("namespaces.id", not(hasItem("blank-name")));
    }

    @Test
    void shouldAnswerNotFoundProblemWhenNamespaceIsUnknown() {
        given().get(NAMESPACES + "/missing").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("namespace 'missing' does not exist"));
        given().contentType(ContentType.JSON).body("{\"name\":\"X\"}").patch(NAMESPACES + "/missing").then()
                .statusCode(404);
        given().delete(NAMESPACES + "/missing").then().statusCode(404);
        given().get(NAMESPACES + "/missing/pipelines").then().statusCode(404);
    }

    @Test
    void shouldRefuseDeletingDefaultNamespace() {
        given().delete(NAMESPACES + "/default").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("the default namespace cannot be deleted"));
        given().get(NAMESPACES + "/default").then().statusCode(200);
    }

    @Test
    void shouldRefuseDeleteWhileRunIsUnfinishedAndDeletePipelinesConfigsAndRunsWhenComplete() {
        create("short-lived", "Short-lived", "deleted by this test");
        register("short-lived", "first", oneTask("first", "local/busybox:latest", "one"), true);
        register("short-lived", "second", oneTask("second", "local/busybox:latest", "two"), false);
        long runId = startRun("short-lived", "first");

        given().delete(NAMESPACES + "/short-lived").then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("namespace 'short-lived' has 1 unfinished run(s); cancel them or wait for"
                        + " them to complete"));
        given().get(pipelinePath("short-lived", "first")).then().statusCode(200);

        finishRun("short-lived", "first", runId);
        given().delete(NAMESPACES + "/short-lived").then().statusCode(204);

        given().get(NAMESPACES + "/short-lived").then().statusCode(404);
        given().get(NAMESPACES).then().body("namespaces.id", not(hasItem("short-lived")));
        given().get(pipelinePath("short-lived", "first")).then().statusCode(404);
        given().get(pipelinePath("short-lived", "first") + "/runs/{r}", runId).then().statusCode(404);
        given().get(pipelinePath("short-lived", "second") + "/configs/1").then().statusCode(404);
        await().atMost(WAIT).untilAsserted(() -> assertThat(domainEvents("short-lived"))
                .containsExactly("namespace.created", "namespace.deleted"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(domainEvents("short-lived/second"))
                .containsExactly("pipeline.created", "config.registered", "pipeline.deleted"));
        // Created again, it is empty.
        create("short-lived", "Again", "");
        given().get(NAMESPACES + "/short-lived/pipelines").then().statusCode(200)
                .body("pipelines", empty());
    }
}
