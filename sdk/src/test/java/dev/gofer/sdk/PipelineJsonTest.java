package dev.gofer.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PipelineJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldEmitGofersWireFormatWhenBuildingTheSeedExample() throws Exception {
        Pipeline pipeline = Pipeline.of("simple", "Simple Pipeline")
                .description("A pipeline with one task")
                .tasks(CustomTask.of("simple_task", "ubuntu:latest")
                        .description("This task simply prints our hello-world message and exists!")
                        .command("echo", "Hello from Gofer!"));

        assertThat(MAPPER.readTree(pipeline.toJson())).isEqualTo(MAPPER.readTree("""
                {"id":"simple","name":"Simple Pipeline","description":"A pipeline with one task","parallelism":0,
                 "tasks":[{"id":"simple_task",
                           "description":"This task simply prints our hello-world message and exists!",
                           "image":"ubuntu:latest","registry_auth":null,"depends_on":{},"variables":{},
                           "entrypoint":null,"command":["echo","Hello from Gofer!"],
                           "inject_api_token":false,"always_pull_newest_image":false,
                           "pull_policy":"if_not_present"}]}
                """));
    }

    @Test
    void shouldEmitEveryTaskFieldWhenAllBuilderMethodsAreUsed() throws Exception {
        Map<String, String> more = new LinkedHashMap<>();
        more.put("B", "2");
        more.put("TOKEN", Gofer.pipelineSecret("deploy_token"));
        Pipeline pipeline = Pipeline.of("dag", "Dag Test")
                .parallelism(2)
                .tasks(CustomTask.of("first-task", "alpine:3").script("echo one && exit 1"),
                        CustomTask.of("second", "alpine:3")
                                .dependsOn("first-task", RequiredParentStatus.FAILURE),
                        CustomTask.of("third", "registry.example.com/private:1")
                                .description("everything")
                                .registryAuth("robot", Gofer.pipelineSecret("registry_pass"))
                                .dependsOnMany(Map.of("second", RequiredParentStatus.ANY))
                                .dependsOn("first-task", RequiredParentStatus.SUCCESS)
                                .variable("A", "1")
                                .variables(more)
                                .variable("OBJ", Gofer.runObject("report"))
                                .variable("GLOBAL", Gofer.globalSecret("g"))
                                .variable("POBJ", Gofer.pipelineObject("p"))
                                .entrypoint("/bin/sh", "-c")
                                .command("env")
                                .injectApiToken(true)
                                .alwaysPullNewestImage(true));

        assertThat(MAPPER.readTree(pipeline.toJson())).isEqualTo(MAPPER.readTree("""
                {"id":"dag","name":"Dag Test","description":null,"parallelism":2,"tasks":[
                  {"id":"first-task","description":null,"image":"alpine:3","registry_auth":null,"depends_on":{},
                   "variables":{},"entrypoint":null,"command":["/bin/sh","-c","echo one && exit 1"],
                   "inject_api_token":false,"always_pull_newest_image":false,"pull_policy":"if_not_present"},
                  {"id":"second","description":null,"image":"alpine:3","registry_auth":null,
                   "depends_on":{"first-task":"failure"},"variables":{},"entrypoint":null,"command":null,
                   "inject_api_token":false,"always_pull_newest_image":false,"pull_policy":"if_not_present"},
                  {"id":"third","description":"everything","image":"registry.example.com/private:1",
                   "registry_auth":{"user":"robot","pass":"pipeline_secret{{registry_pass}}"},
                   "depends_on":{"second":"any","first-task":"success"},
                   "variables":{"A":"1","B":"2","TOKEN":"pipeline_secret{{deploy_token}}",
                                "OBJ":"run_object{{report}}","GLOBAL":"global_secret{{g}}",
                                "POBJ":"pipeline_object{{p}}"},
                   "entrypoint":["/bin/sh","-c"],"command":["env"],
                   "inject_api_token":true,"always_pull_newest_image":true,"pull_policy":"always"}]}
                """));
    }

    @Test
    void shouldKeepPullFlagAndPolicyConsistentWhenEitherIsSet() throws Exception {
        JsonNode never = taskJson(
                CustomTask.of("task", "img").alwaysPullNewestImage(true).pullPolicy(PullPolicy.NEVER));
        JsonNode reset = taskJson(
                CustomTask.of("task", "img").pullPolicy(PullPolicy.ALWAYS).alwaysPullNewestImage(false));
        JsonNode always = taskJson(CustomTask.of("task", "img").pullPolicy(PullPolicy.ALWAYS));

        assertThat(never.get("pull_policy").asText()).isEqualTo("never");
        assertThat(never.get("always_pull_newest_image").asBoolean()).isFalse();
        assertThat(reset.get("pull_policy").asText()).isEqualTo("if_not_present");
        assertThat(always.get("always_pull_newest_image").asBoolean()).isTrue();
    }

    @Test
    void shouldPrintValidatedJsonWhenFinishing() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Pipeline pipeline = Pipeline.of("simple", "Simple").tasks(CustomTask.of("simple_task", "ubuntu:latest"));

        pipeline.finish(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(MAPPER.readTree(bytes.toString(StandardCharsets.UTF_8)))
                .isEqualTo(MAPPER.readTree(pipeline.toJson()));
    }

    private static JsonNode taskJson(CustomTask task) throws Exception {
        return MAPPER.readTree(Pipeline.of("pipe", "Pipe").tasks(task).toJson()).get("tasks").get(0);
    }
}
