package dev.gofer.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import dev.gofer.events.EventCodec;
import dev.gofer.events.Topics;
import dev.gofer.testsupport.KafkaTestClient;

/**
 * The records of {@code gofer.task-runs.status} about one pipeline's task runs, read with a plain consumer. Parsed as
 * JSON trees rather than through the codec, so a record type this build does not know is kept, not fatal.
 */
final class StatusRecords {

    static final String STARTED = "task-run.started";
    static final String EXITED = "task-run.exited";
    static final String FAILED = "task-run.failed";

    /**
     * One status record.
     *
     * @param taskRun the record key, {@code namespace/pipeline/run/task}
     * @param type envelope type, e.g. {@code task-run.started}
     * @param attempt the attempt it is about
     * @param workerId the reporting worker, or {@code null}
     * @param containerId the container ({@code task-run.started} only), or {@code null}
     * @param exitCode the exit code ({@code task-run.exited} only), or {@code null}
     * @param logLines lines the container wrote ({@code task-run.exited} only), or {@code null}
     * @param reason failure reason ({@code task-run.failed} only), or {@code null}
     */
    record Status(String taskRun, String type, int attempt, String workerId, String containerId, Integer exitCode,
            Long logLines, String reason) {

        boolean terminal() {
            return EXITED.equals(type) || FAILED.equals(type);
        }
    }

    private final Map<String, List<Status>> byTaskRun;
    private final int undecodable;

    private StatusRecords(Map<String, List<Status>> byTaskRun, int undecodable) {
        this.byTaskRun = byTaskRun;
        this.undecodable = undecodable;
    }

    /** Every status record whose key belongs to the pipeline, in topic order per task run. */
    static StatusRecords read(KafkaTestClient kafka, String namespace, String pipelineId) {
        String prefix = namespace + "/" + pipelineId + "/";
        Map<String, List<Status>> byTaskRun = new TreeMap<>();
        int undecodable = 0;
        for (ConsumerRecord<String, byte[]> r : kafka.readAll(Topics.TASK_RUN_STATUS, Duration.ofSeconds(60))) {
            if (r.key() == null || !r.key().startsWith(prefix)) {
                continue;
            }
            try {
                JsonNode envelope = EventCodec.mapper().readTree(r.value());
                JsonNode p = envelope.path("payload");
                byTaskRun.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(new Status(r.key(),
                        envelope.path("type").asText(), p.path("attempt").asInt(), text(p, "worker_id"),
                        text(p, "container_id"), p.hasNonNull("exit_code") ? p.get("exit_code").asInt() : null,
                        p.hasNonNull("log_lines") ? p.get("log_lines").asLong() : null, text(p, "reason")));
            } catch (IOException e) {
                undecodable++;
            }
        }
        return new StatusRecords(byTaskRun, undecodable);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** The records of one task run ({@code namespace/pipeline/run/task}), oldest first. */
    List<Status> of(String taskRun) {
        return byTaskRun.getOrDefault(taskRun, List.of());
    }

    /** Distinct container ids in {@code task-run.started} records, per task run and attempt. */
    Map<String, Map<Integer, Set<String>>> containersByAttempt() {
        Map<String, Map<Integer, Set<String>>> out = new TreeMap<>();
        byTaskRun.forEach((taskRun, records) -> {
            for (Status s : records) {
                if (STARTED.equals(s.type()) && s.containerId() != null) {
                    out.computeIfAbsent(taskRun, k -> new TreeMap<>())
                            .computeIfAbsent(s.attempt(), a -> new LinkedHashSet<>()).add(s.containerId());
                }
            }
        });
        return out;
    }

    /** The last exited/failed record of one attempt, or {@code null}. */
    Status lastTerminal(String taskRun, int attempt) {
        Status last = null;
        for (Status s : of(taskRun)) {
            if (s.attempt() == attempt && s.terminal()) {
                last = s;
            }
        }
        return last;
    }

    /** Attempts of one task run that exited with code 0, with how many such records each has. */
    Map<Integer, Integer> successfulExits(String taskRun) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        for (Status s : of(taskRun)) {
            if (EXITED.equals(s.type()) && Integer.valueOf(0).equals(s.exitCode())) {
                out.merge(s.attempt(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** Records of the pipeline's keys that were not JSON. */
    int undecodable() {
        return undecodable;
    }
}
