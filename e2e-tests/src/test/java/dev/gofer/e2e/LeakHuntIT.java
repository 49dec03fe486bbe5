package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import dev.gofer.local.LocalInfra;
import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.Gofer;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.GoferStoreClient;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.RequiredParentStatus;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunStatus;
import dev.gofer.testsupport.KafkaTestClient;
import dev.gofer.testsupport.LocalImages;

/**
 * The leak hunt: after a run whose tasks receive two known secret values and print them in plain, base64 and
 * URL-encoded form, every record of every topic, every row of every table, every API response about the run, every
 * service's log file and the stored task logs are searched for the values and those encodings. Each must appear 0
 * times; the task logs show {@code ***} where the task printed them. Token values are hunted too: the stack's admin
 * token, and the run's own token ({@code inject_api_token}), which a third task uses and prints, once plainly (masked)
 * and once reversed, so that the test learns it from the log without it ever being stored in a form the hunt skips.
 */
class LeakHuntIT {

    private static final String PIPELINE_SECRET = "Leak-Hunt p1pe/line@secret!";
    private static final String GLOBAL_SECRET = "Leak-Hunt gl0bal:secret&more";

    private final GoferClient api = Stack.api();

    @Test
    void shouldFindNoSecretValueAnywhereOutsideTheContainerAfterRunUsesThem() throws Exception {
        String id = Stack.pipelineId("leak-hunt");
        String globalKey = "leak_hunt_" + id.replace('-', '_');
        GoferStoreClient store = Stack.store();
        store.putPipelineSecret("default", id, "hunted", PIPELINE_SECRET, false);
        store.putGlobalSecret(globalKey, GLOBAL_SECRET, List.of("default"), false);
        String print = String.join("; ", "echo \"plain=$S\"", "printf %s \"$S\" | base64", "echo \"$S\" | base64",
                "echo \"url=$(printf %s \"$S\" | sed 's/%/%25/g; s/ /%20/g; s#/#%2F#g; s/@/%40/g; s/!/%21/g;"
                        + " s/:/%3A/g; s/&/%26/g')\"",
                "echo \"stderr=$S\" >&2", "echo \"canary=$CANARY\"");
        String canary = "hunt-canary-" + id;
        api.registerConfig("default", Pipeline.of(id, "Leak hunt").tasks(
                CustomTask.of("pipeline-secret", LocalImages.BUSYBOX).command("sh", "-c", print)
                        .variable("S", Gofer.pipelineSecret("hunted")).variable("CANARY", canary),
                CustomTask.of("global-secret", LocalImages.BUSYBOX).command("sh", "-c", print)
                        .variable("S", Gofer.globalSecret(globalKey)).variable("CANARY", canary)
                        .dependsOn("pipeline-secret", RequiredParentStatus.SUCCESS),
                CustomTask.of("run-token", LocalImages.BUSYBOX).injectApiToken(true).command("sh", "-c",
                        "echo \"token=$GOFER_API_TOKEN\"; printf %s \"$GOFER_API_TOKEN\" | rev; echo;"
                                + " wget -q -O /dev/null --header \"Authorization: Bearer $GOFER_API_TOKEN\""
                                + " \"$GOFER_API_URL/api/namespaces/$GOFER_NAMESPACE_ID/pipelines/$GOFER_PIPELINE_ID"
                                + "/runs/$GOFER_RUN_ID\" && echo read-own-run; echo \"canary=$CANARY\"")
                        .variable("CANARY", canary)));

        Run run = api.startRun("default", id, Map.of());
        Run done = Runs.awaitComplete(api, id, run.runId());
        assertThat(done.status()).isEqualTo(RunStatus.SUCCESSFUL);

        Map<String, String> taskLogs = new LinkedHashMap<>();
        for (String task : List.of("pipeline-secret", "global-secret")) {
            String log = Runs.logs(api, id, run.runId(), task);
            taskLogs.put("task log " + task, log);
            // Interleaving of stdout and stderr is not fixed; the five lines the task printed are, each masked.
            assertThat(log.lines().toList()).as("stored log of %s", task)
                    .containsExactlyInAnyOrder("plain=***", "***", "***", "url=***", "stderr=***", "canary=" + canary);
        }

        String tokenLog = Runs.logs(api, id, run.runId(), "run-token");
        List<String> tokenLines = tokenLog.lines().toList();
        assertThat(tokenLines).as("stored log of run-token").hasSize(4).contains("token=***", "read-own-run",
                "canary=" + canary);
        String runToken = new StringBuilder(tokenLines.get(1)).reverse().toString();
        assertThat(runToken).as("the run's token, read back reversed").matches("[A-Za-z0-9]{32}");
        taskLogs.put("task log run-token", tokenLog.replace(tokenLines.get(1), ""));

        Map<String, List<String>> sources = new LinkedHashMap<>();
        sources.put("kafka records", kafkaRecords());
        sources.put("database rows", databaseRows());
        sources.put("api responses", apiResponses(id, run.runId()));
        sources.put("service logs", serviceLogs());
        sources.put("task logs", new ArrayList<>(taskLogs.values()));
        List<String> forms = forms(PIPELINE_SECRET, GLOBAL_SECRET, Stack.get().adminToken(), runToken);
        Map<String, Long> found = new LinkedHashMap<>();
        Map<String, Long> controls = new LinkedHashMap<>();
        sources.forEach((where, texts) -> {
            found.put(where, count(forms, texts));
            // The hunt can find things: what the run printed in plain sight (or, in service logs, its pipeline id)
            // is there, where the secrets would have been.
            controls.put(where, count(List.of(where.equals("service logs") ? id : canary), texts));
        });
        System.out.println("leak hunt (plaintext, base64, URL and hex forms of 2 secrets and 2 tokens): " + found
                + "; control value found: " + controls);

        assertThat(controls).allSatisfy((where, n) -> assertThat(n).as("control value in %s", where).isPositive());
        assertThat(found).allSatisfy((where, n) -> assertThat(n).as("secret forms in %s", where).isZero());
    }

    /** The values and the encodings a task is likely to print, as they would appear in text. */
    private static List<String> forms(String... secrets) {
        List<String> forms = new ArrayList<>();
        for (String secret : secrets) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            forms.add(secret);
            forms.add(Base64.getEncoder().encodeToString(bytes));
            forms.add(Base64.getEncoder().encodeToString((secret + "\n").getBytes(StandardCharsets.UTF_8)));
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
            forms.add(HexFormat.of().formatHex(bytes));
        }
        return forms;
    }

    private static long count(List<String> forms, List<String> texts) {
        long n = 0;
        for (String text : texts) {
            for (String form : forms) {
                for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Every record of every topic, dead-letter and internal ones included: key, value and headers as text. */
    private static List<String> kafkaRecords() {
        KafkaTestClient kafka = Stack.kafka();
        List<String> texts = new ArrayList<>();
        for (String topic : kafka.topics(Duration.ofSeconds(10))) {
            for (ConsumerRecord<String, byte[]> r : kafka.readAll(topic, Duration.ofSeconds(20))) {
                StringBuilder text = new StringBuilder(topic).append(' ').append(r.key()).append(' ');
                if (r.value() != null) {
                    text.append(new String(r.value(), StandardCharsets.UTF_8));
                }
                for (Header h : r.headers()) {
                    text.append(' ').append(h.key()).append('=')
                            .append(h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
                }
                texts.add(text.toString());
            }
        }
        assertThat(texts).as("records to search").isNotEmpty();
        return texts;
    }

    /** Every row of every table of every schema (bytea shows as hex, which {@link #forms} covers). */
    private static List<String> databaseRows() throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(Stack.get().jdbcUrl(), LocalInfra.DB_USER,
                LocalInfra.DB_PASSWORD); Statement st = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name)"
                    + " FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                    + " AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).as("tables to search").contains("api.task_runs", "api.task_run_logs", "api.outbox");
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rs.next()) {
                        texts.add(table + " " + rs.getString(1));
                    }
                }
            }
        }
        return texts;
    }

    /** What a client of the API sees about the run, its tasks, their logs and the event stream. */
    private static List<String> apiResponses(String pipelineId, long runId) {
        String api = Stack.get().apiUrl() + "/api/namespaces/default/pipelines/" + pipelineId;
        String store = Stack.get().apiUrl();
        List<String> urls = new ArrayList<>(List.of(api, api + "/configs", api + "/runs", api + "/runs/" + runId,
                api + "/runs/" + runId + "/tasks", store + "/api/namespaces/default/pipelines/" + pipelineId
                        + "/secrets",
                store + "/api/secrets/global", Stack.get().apiUrl() + "/api/events?follow=false"));
        for (String task : List.of("pipeline-secret", "global-secret", "run-token")) {
            urls.add(api + "/runs/" + runId + "/tasks/" + task);
            urls.add(api + "/runs/" + runId + "/tasks/" + task + "/logs");
            urls.add(api + "/runs/" + runId + "/tasks/" + task + "/logs/stream");
        }
        List<String> texts = new ArrayList<>();
        for (String url : urls) {
            var response = Stack.http("GET", url, null, null);
            assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
            texts.add(url + " " + response.body());
        }
        return texts;
    }

    /** The log file of every service, the broker and PostgreSQL. */
    private static List<String> serviceLogs() throws IOException {
        Path logs = Stack.get().stateDir().resolve("logs");
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                texts.add(file.getFileName() + " " + new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        assertThat(texts).as("service logs to search").hasSizeGreaterThanOrEqualTo(5);
        return texts;
    }
}
