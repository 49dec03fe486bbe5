package dev.gofer.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Which worker holds what, seen from the Docker engine; and waiting out a worker's absence. */
final class Workers {

    private Workers() {
    }

    /**
     * The worker running the most containers of the pipeline, once one runs at least {@code atLeast} of them (waits
     * up to two minutes).
     */
    static String busiest(String pipelineId, int atLeast) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> runningByWorker(pipelineId).entrySet().stream()
                        .max(Comparator.comparingLong(Map.Entry::getValue)).filter(e -> e.getValue() >= atLeast)
                        .map(Map.Entry::getKey).orElse(null), w -> w != null);
    }

    /** The pipeline's running containers on one worker. */
    static List<Containers.Container> running(String workerId, String pipelineId) {
        return Containers.withLabels(Map.of(Containers.LABEL_WORKER, workerId, Containers.LABEL_PIPELINE, pipelineId))
                .stream().filter(Containers.Container::running).toList();
    }

    private static Map<String, Long> runningByWorker(String pipelineId) {
        return Containers.ofPipeline(pipelineId).stream().filter(Containers.Container::running)
                .collect(Collectors.groupingBy(Containers.Container::worker, Collectors.counting()));
    }

    /**
     * Lets time pass until {@code instant} (a worker stays away that long). Not an assertion, so no condition: the
     * poll delay is the wait.
     */
    static void holdUntil(Instant instant) {
        Duration left = Duration.between(Instant.now(), instant);
        if (!left.isNegative() && !left.isZero()) {
            await().pollDelay(left).atMost(left.plusSeconds(5)).until(() -> true);
        }
    }

    /** The parts of a {@code gofer.task-run} label: namespace, pipeline, run, task. */
    record TaskRunKey(String namespace, String pipelineId, long runId, String taskId) {

        static TaskRunKey parse(String key) {
            String[] parts = key.split("/", 4);
            return new TaskRunKey(parts[0], parts[1], Long.parseLong(parts[2]), parts[3]);
        }
    }
}
