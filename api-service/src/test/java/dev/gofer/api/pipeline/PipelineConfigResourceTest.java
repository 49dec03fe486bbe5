package dev.gofer.api.pipeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.gofer.testsupport.GoferInfraResource;

@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "api"))
class PipelineConfigResourceTest {

    private static final String PATH = "/api/namespaces/default/pipelines/{p}/configs";

    @Test
    void shouldRegisterUnreleasedVersionsInOrderWhenConfigIsValid() {
        String body = """
                {"id":"versioned","name":"Versioned","description":"d","parallelism":0,
                 "tasks":[{"id":"first","image":"local/busybox:latest","command":["true"],
                           "variables":{"A":"1"},"depends_on":{}},
                          {"id":"second","image":"local/busybox:latest","depends_on":{"first":"Success"}}]}""";

        given().contentType(ContentType.JSON).body(body).post(PATH, "versioned").then().statusCode(201)
                .header("Location", endsWith("/api/namespaces/default/pipelines/versioned/configs/1"))
                .body("config.version", equalTo(1)).body("config.state", equalTo("unreleased"))
                .body("config.deprecated", equalTo(0))
                .body("config.tasks.second.depends_on.first", equalTo("success"))
                .body("config.tasks.first.variables[0].source", equalTo("pipeline_config"));
        given().contentType(ContentType.JSON).body(body).post(PATH, "versioned").then().statusCode(201)
                .body("config.version", equalTo(2)).body("config.state", equalTo("unreleased"));

        given().get(PATH + "/1", "versioned").then().statusCode(200).body("config.state", equalTo("unreleased"));
        given().get(PATH + "/0", "versioned").then().statusCode(200).body("config.version", equalTo(2));
        given().get(PATH, "versioned").then().statusCode(200).body("configs.version", contains(2, 1));
        given().get("/api/namespaces/default/pipelines/versioned").then().statusCode(200)
                .body("pipeline.state", equalTo("active"));
        given().get("/api/namespaces/default/pipelines/versioned/deployments").then().statusCode(200)
                .body("deployments", empty());
    }

    @Test
    void shouldRegisterAndDeployInOneCallWhenDeployIsTrue() {
        String body = """
                {"id":"deployed-at-once","name":"At once","parallelism":0,
                 "tasks":[{"id":"only","image":"local/busybox:latest"}]}""";

        given().contentType(ContentType.JSON).body(body).queryParam("deploy", true).post(PATH, "deployed-at-once")
                .then().statusCode(201).body("config.version", equalTo(1)).body("config.state", equalTo("live"));
        given().contentType(ContentType.JSON).body(body).queryParam("deploy", true).post(PATH, "deployed-at-once")
                .then().statusCode(201).body("config.version", equalTo(2)).body("config.state", equalTo("live"));

        given().get(PATH + "/1", "deployed-at-once").then().statusCode(200)
                .body("config.state", equalTo("deprecated")).body("config.deprecated", greaterThan(0L));
        given().get("/api/namespaces/default/pipelines/deployed-at-once/deployments").then().statusCode(200)
                .body("deployments.deployment_id", contains(2, 1)).body("deployments[0].start_version", equalTo(1))
                .body("deployments[0].end_version", equalTo(2)).body("deployments[1].start_version", equalTo(1))
                .body("deployments[1].end_version", equalTo(1))
                .body("deployments.status", everyItem(equalTo("successful")));
    }

    @Test
    void shouldAnswerNotFoundProblemWhenNamespaceDoesNotExist() {
        String body = """
                {"id":"homeless","name":"Homeless","parallelism":0,
                 "tasks":[{"id":"only","image":"local/busybox:latest"}]}""";

        given().contentType(ContentType.JSON).body(body).post("/api/namespaces/nowhere/pipelines/homeless/configs")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("namespace 'nowhere' does not exist"));
        given().get("/api/namespaces/nowhere/pipelines/homeless").then().statusCode(404);
        given().get("/api/namespaces/nowhere/pipelines").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswerProblemNamingCycleWhenTasksDependOnEachOther() {
        String body = """
                {"id":"cyclic","name":"Cyclic","parallelism":0,"tasks":[
                  {"id":"aaa","image":"img","depends_on":{"bbb":"success"}},
                  {"id":"bbb","image":"img","depends_on":{"aaa":"success"}}]}""";

        given().contentType(ContentType.JSON).body(body).post(PATH, "cyclic").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400))
                .body("title", equalTo("Invalid pipeline config"))
                .body("errors.field", hasItem("tasks[0].depends_on"))
                .body("detail", equalTo("tasks[0].depends_on: dependency cycle: aaa -> bbb -> aaa"))
                .body("instance", equalTo("/api/namespaces/default/pipelines/cyclic/configs"));
    }

    @Test
    void shouldAnswerProblemNamingFieldsWhenIdsImagesOrDependenciesAreBad() {
        String body = """
                {"id":"bad","name":"Bad","parallelism":0,"tasks":[
                  {"id":"no","image":"img"},
                  {"id":"empty-image","image":"  "},
                  {"id":"orphan","image":"img","depends_on":{"ghost":"success"}}]}""";

        given().contentType(ContentType.JSON).body(body).post(PATH, "bad").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("tasks[0].id")).body("errors.field", hasItem("tasks[1].image"))
                .body("errors.field", hasItem("tasks[2].depends_on.ghost"))
                .body("errors.find { it.field == 'tasks[2].depends_on.ghost' }.message",
                        equalTo("task 'orphan' depends on 'ghost', which is not a task of this pipeline"));
        given().get("/api/namespaces/default/pipelines/bad").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswerProblemWhenBodyIsNotJsonOrHasWrongTypes() {
        given().contentType(ContentType.JSON).body("{not json").post(PATH, "broken").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Malformed request body"));
        given().contentType(ContentType.JSON).body("{\"id\":\"broken\",\"name\":\"B\",\"parallelism\":\"lots\"}")
                .post(PATH, "broken").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("parallelism")).body("detail", startsWith("parallelism: "));
    }
}
