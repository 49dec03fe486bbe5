package dev.gofer.api.run.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.gofer.events.Variable;
import dev.gofer.events.VariableSource;

/**
 * Stacks a task run's environment: system {@code GOFER_*} &lt; task config variables &lt; run variables. A later
 * source replaces an earlier one when the names are equal ignoring case; the winner keeps its own spelling and its
 * source. Blank names are dropped. The result keeps first-seen order.
 */
public final class EnvironmentAssembler {

    private EnvironmentAssembler() {
    }

    /** The system variables Gofer injects into every task. */
    public static Map<String, String> systemVariables(String namespaceId, String pipelineId, long runId,
            String taskId, String image, String apiUrl) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("GOFER_NAMESPACE_ID", namespaceId);
        vars.put("GOFER_PIPELINE_ID", pipelineId);
        vars.put("GOFER_RUN_ID", Long.toString(runId));
        vars.put("GOFER_TASK_ID", taskId);
        vars.put("GOFER_TASK_IMAGE", image);
        vars.put("GOFER_API_URL", apiUrl);
        return vars;
    }

    public static List<Variable> assemble(Map<String, String> system, Map<String, String> taskConfig,
            Map<String, String> run) {
        Map<String, Variable> byName = new LinkedHashMap<>();
        put(byName, system, VariableSource.SYSTEM);
        put(byName, taskConfig, VariableSource.PIPELINE_CONFIG);
        put(byName, run, VariableSource.RUN_OPTIONS);
        return new ArrayList<>(byName.values());
    }

    private static void put(Map<String, Variable> byName, Map<String, String> vars, VariableSource source) {
        vars.forEach((key, value) -> {
            if (key != null && !key.isBlank()) {
                byName.put(key.toUpperCase(Locale.ROOT), new Variable(key, value, source));
            }
        });
    }
}
