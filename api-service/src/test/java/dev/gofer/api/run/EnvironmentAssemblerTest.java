package dev.gofer.api.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gofer.api.run.service.EnvironmentAssembler;
import dev.gofer.events.Variable;
import dev.gofer.events.VariableSource;

class EnvironmentAssemblerTest {

    @Test
    void shouldStackSystemThenConfigThenRunWhenNamesCollideIgnoringCase() {
        Map<String, String> system = EnvironmentAssembler.systemVariables("default", "simple", 7, "build", "img:1",
                "http://api");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("gofer_task_image", "overridden-by-config");
        config.put("COLOR", "blue");
        config.put("", "dropped");
        Map<String, String> run = Map.of("color", "red");

        List<Variable> env = EnvironmentAssembler.assemble(system, config, run);

        assertThat(env).containsExactly(new Variable("GOFER_NAMESPACE_ID", "default", VariableSource.SYSTEM),
                new Variable("GOFER_PIPELINE_ID", "simple", VariableSource.SYSTEM),
                new Variable("GOFER_RUN_ID", "7", VariableSource.SYSTEM),
                new Variable("GOFER_TASK_ID", "build", VariableSource.SYSTEM),
                new Variable("gofer_task_image", "overridden-by-config", VariableSource.PIPELINE_CONFIG),
                new Variable("GOFER_API_URL", "http://api", VariableSource.SYSTEM),
                new Variable("color", "red", VariableSource.RUN_OPTIONS));
    }
}
