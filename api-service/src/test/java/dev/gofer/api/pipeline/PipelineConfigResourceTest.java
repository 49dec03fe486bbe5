package dev.gofer.api.pipeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
    void shouldRegisterVersionsInOrderWhenConfigIsValid() {
        String body = """
                {"id":"versioned","name":"Versioned","description":"d","parallelism":0,
                 "tasks":[{"id":"first","image":"local/busybox:latest","command":["true"],
                           "variables":{"A":"1"},"depends_on":{}},
                          {"id":"second","image":"local/busybox:latest","depends_on":{"first":"Success"}}]}""";

        given().contentType(ContentType.JSON).body(body).post(PATH, "versioned").then().statusCode(201)
                .body("config.version", equalTo(1)).body("config.state", equalTo("live"))
                .body("config.tasks.second.depends_on.first", equalTo("success"))
                .body("config.tasks.first.variables[0].source", equalTo("pipeline_config"));
        given().contentType(ContentType.JSON).body(body).post(PATH, "versioned").then().statusCode(201)
                .body("config.version", equalTo(2));

        given().get(PATH + "/1", "versioned").then().statusCode(200).body("config.state", equalTo("deprecated"));
        given().get(PATH + "/0", "versioned").then().statusCode(200).body("config.version", equalTo(2));
        given().get("/api/namespaces/default/pipelines/versioned").then().statusCode(200)
                .body("pipeline.state", equalTo("active"));
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
                .body("errors[0].field", equalTo("parallelism")).body("detail", startsWith("field 'parallelism'"));
    }
}
