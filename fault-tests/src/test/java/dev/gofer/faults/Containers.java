package dev.gofer.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Task containers as the docker CLI lists them, found by their {@code gofer.*} labels. */
final class Containers {

    static final String LABEL_WORKER = "gofer.worker";
    static final String LABEL_PIPELINE = "gofer.pipeline";
    static final String LABEL_TASK_RUN = "gofer.task-run";
    static final String LABEL_ATTEMPT = "gofer.attempt";

    /**
     * One container.
     *
     * @param id short container id
     * @param state {@code running}, {@code exited}, {@code created}, ...
     * @param taskRun label {@code gofer.task-run} ({@code namespace/pipeline/run/task})
     * @param attempt label {@code gofer.attempt}
     * @param worker label {@code gofer.worker}
     */
    record Container(String id, String state, String taskRun, int attempt, String worker) {

        boolean running() {
            return "running".equals(state);
        }
    }

    private Containers() {
    }

    /** Every container (running or not) that carries all these labels. */
    static List<Container> withLabels(Map<String, String> labels) {
        List<String> command = new ArrayList<>(List.of("docker", "ps", "-a", "--no-trunc"));
        labels.forEach((k, v) -> command.addAll(List.of("--filter", "label=" + k + "=" + v)));
        command.addAll(List.of("--format", "{{.ID}}\t{{.State}}\t{{.Label \"" + LABEL_TASK_RUN + "\"}}\t{{.Label \""
                + LABEL_ATTEMPT + "\"}}\t{{.Label \"" + LABEL_WORKER + "\"}}"));
        List<Container> out = new ArrayList<>();
        for (String line : run(command).lines().toList()) {
            String[] f = line.split("\t", -1);
            if (f.length == 5) {
                out.add(new Container(f[0].substring(0, Math.min(12, f[0].length())), f[1], f[2], parse(f[3]), f[4]));
            }
        }
        return out;
    }

    /** Containers of one pipeline started by any worker of the fault stack. */
    static List<Container> ofPipeline(String pipelineId) {
        List<Container> out = new ArrayList<>();
        for (String worker : FaultStack.workerIds()) {
            out.addAll(withLabels(Map.of(LABEL_WORKER, worker, LABEL_PIPELINE, pipelineId)));
        }
        return out;
    }

    /** Removes containers whose worker id starts with {@code workerPrefix}: left by an aborted earlier run. */
    static void removeLeftByEarlierRuns(String workerPrefix) {
        String out = run(List.of("docker", "ps", "-a", "--filter", "label=" + LABEL_WORKER, "--format",
                "{{.ID}} {{.Label \"" + LABEL_WORKER + "\"}}"));
        for (String line : out.lines().toList()) {
            String[] parts = line.trim().split(" ", 2);
            if (parts.length == 2 && parts[1].startsWith(workerPrefix)) {
                run(List.of("docker", "rm", "-f", parts[0]));
            }
        }
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the docker CLI", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
