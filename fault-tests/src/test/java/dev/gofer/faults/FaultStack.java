package dev.gofer.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import dev.gofer.local.LocalStack;
import dev.gofer.sdk.GoferClient;
import dev.gofer.testsupport.KafkaTestClient;

/**
 * The stack the fault tests kill parts of: its own, never the e2e one. A KRaft broker in this JVM, PostgreSQL,
 * api, store and trigger services and {@value #WORKERS} scheduler workers as separate processes on random ports,
 * fresh data, worker ids unique to this test run (so no worker adopts a container another run left behind), task
 * containers on the host network. Closed when the JVM exits.
 */
final class FaultStack {

    static final int WORKERS = 2;
    static final String NAMESPACE = "default";
    /** Worker ids of this run: {@code fault-<time>-worker-1}, ... */
    static final String WORKER_PREFIX = "fault-" + Long.toString(System.currentTimeMillis(), 36) + "-worker-";
    /** Seconds between SIGTERM and SIGKILL when a container is cancelled (also the fencing cancel). */
    static final int CANCEL_GRACE_SECONDS = 3;

    private static LocalStack stack;

    private FaultStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path repo = Path.of(System.getProperty("gofer.repo.root", "..")).toAbsolutePath().normalize();
            Containers.removeLeftByEarlierRuns("fault-");
            stack = LocalStack.builder().repoRoot(repo).stateDir(repo.resolve("fault-tests/target/fault-stack"))
                    .randomPorts().fresh().schedulers(WORKERS).schedulerNetworkMode("host")
                    .workerIdPrefix(WORKER_PREFIX)
                    // Every scenario keeps its 50 runs' logs for the audit.
                    .env(LocalStack.Service.API, "GOFER_API_LOG_RETENTION_RUNS", "0")
                    // Exited containers are kept 45 s (not 2 min), still longer than a worker's restart, so the audit's
                    // 60 s reap bound holds.
                    .env(LocalStack.Service.SCHEDULER, "GOFER_SCHEDULER_KEEP_EXITED", "45s")
                    .env(LocalStack.Service.SCHEDULER, "GOFER_SCHEDULER_REAP_INTERVAL", "2s")
                    .env(LocalStack.Service.API, "GOFER_API_CANCEL_GRACE", Integer.toString(CANCEL_GRACE_SECONDS))
                    // The trigger-service scenario fires an interval subscription every 2 s.
                    .env(LocalStack.Service.TRIGGER, "GOFER_TRIGGER_INTERVAL_MIN_EVERY", "1s")
                    .readyTimeout(Duration.ofMinutes(3)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "fault-stack-stop"));
        }
        return stack;
    }

    static GoferClient api() {
        return GoferClient.builder(get().apiUrl()).token(get().adminToken()).build();
    }

    static KafkaTestClient kafka() {
        return new KafkaTestClient(get().kafkaBootstrap());
    }

    /** Worker id of scheduler instance {@code i} (from 1). */
    static String workerId(int instance) {
        return WORKER_PREFIX + instance;
    }

    static List<String> workerIds() {
        return IntStream.rangeClosed(1, WORKERS).mapToObj(FaultStack::workerId).toList();
    }

    /** The launcher's name of the scheduler process whose worker id this is. */
    static String schedulerOf(String workerId) {
        if (!workerId.startsWith(WORKER_PREFIX)) {
            throw new IllegalArgumentException("not a worker of this stack: " + workerId);
        }
        return LocalStack.schedulerName(Integer.parseInt(workerId.substring(WORKER_PREFIX.length())));
    }

    /** Starts whatever an earlier scenario left stopped (it failed half-way), so each scenario begins whole. */
    static void ensureWhole() {
        LocalStack s = get();
        s.startKafka();
        for (String name : s.serviceNames()) {
            if (!s.isRunning(name)) {
                s.start(name);
            }
        }
    }
}
