package dev.gofer.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

import dev.gofer.events.TopicProvisioner;

/**
 * The infrastructure part of the local stack: a KRaft broker in this JVM and PostgreSQL with database {@code gofer},
 * both keeping their data under the state dir, plus every Gofer topic. Usable on its own (tests) or by
 * {@link LocalStack}. One launcher per state dir: a lock file refuses a second one. The broker can be stopped and
 * started again on the same data and ports ({@link #restartKafka(Duration)}), for fault tests.
 */
public final class LocalInfra implements AutoCloseable {

    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final String DATABASE = "gofer";
    public static final String DB_USER = PostgresNode.USER;
    public static final String DB_PASSWORD = PostgresNode.PASSWORD;

    private static final Logger LOG = Logger.getLogger(LocalInfra.class.getName());

    private final Path stateDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private static final Duration KAFKA_PORT_RELEASE_TIMEOUT = Duration.ofSeconds(30);

    private volatile KafkaNode kafka;
    private volatile boolean kafkaRunning;
    private volatile PostgresNode postgres;
    private Thread shutdownHook;
    private boolean closed;

    private LocalInfra(Path stateDir, FileChannel lockChannel, FileLock lock) {
        this.stateDir = stateDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    public int postgresPort() {
        return postgres.port();
    }

    /** {@code jdbc:postgresql://localhost:<port>/gofer}; login {@link #DB_USER}/{@link #DB_PASSWORD}. */
    public String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    public Path stateDir() {
        return stateDir;
    }

    /** Whether the broker is up (false between {@link #stopKafka()} and {@link #startKafka()}). */
    public synchronized boolean isKafkaRunning() {
        return kafkaRunning;
    }

    /**
     * Stops the broker as a clean shutdown would (PostgreSQL keeps running); its clients see it gone until
     * {@link #startKafka()}. Idempotent.
     */
    public synchronized void stopKafka() {
        requireOpen();
        if (!kafkaRunning) {
            return;
        }
        long t0 = System.nanoTime();
        kafka.close();
        kafkaRunning = false;
        LOG.info(() -> "Kafka stopped in " + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms");
    }

    /**
     * Starts the broker again on the same log dir and ports (topics, records and committed offsets kept), waiting
     * up to 30 s for the ports to be released first. Idempotent.
     */
    public synchronized void startKafka() {
        requireOpen();
        if (kafkaRunning) {
            return;
        }
        long t0 = System.nanoTime();
        int port = kafka.port();
        int controllerPort = kafka.controllerPort();
        awaitFree(List.of(port, controllerPort), KAFKA_PORT_RELEASE_TIMEOUT);
        kafka = KafkaNode.start(kafkaDir(stateDir), stateDir.resolve("kafka.properties"), port, controllerPort);
        kafkaRunning = true;
        LOG.info(() -> "Kafka restarted on " + kafka.bootstrapServers() + " in "
                + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms");
    }

    /**
     * {@link #stopKafka()}, {@code downtime} without a broker, then {@link #startKafka()}: a broker restart as the
     * services' clients see it (same address, same data). Returns once the broker answers again.
     */
    public void restartKafka(Duration downtime) {
        synchronized (this) {
            stopKafka();
        }
        if (!downtime.isNegative() && !downtime.isZero()) {
            try {
                Thread.sleep(downtime.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("interrupted while Kafka was down; it stays stopped");
            }
        }
        startKafka();
    }

    /** {@link #restartKafka(Duration)} without downtime. */
    public void restartKafka() {
        restartKafka(Duration.ZERO);
    }

    private void requireOpen() {
        if (closed) {
            throw new LocalStackException("the infrastructure of " + stateDir + " is closed");
        }
    }

    private static void awaitFree(List<Integer> ports, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ports.stream().allMatch(Ports::isFree)) {
            if (System.nanoTime() > deadline) {
                throw new LocalStackException("port(s) " + ports + " still taken " + timeout.toSeconds()
                        + " s after the broker stopped");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("interrupted while waiting for the Kafka ports");
            }
        }
    }

    /** Stops PostgreSQL, then Kafka, then releases the state dir. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        removeShutdownHook();
        long t0 = System.nanoTime();
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
            kafkaRunning = false;
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // released with the process anyway
        }
        LOG.info(() -> "infrastructure stopped in " + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms");
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }

    /** Paths inside the state dir. */
    static Path kafkaDir(Path stateDir) {
        return stateDir.resolve("kafka");
    }

    static Path postgresDir(Path stateDir) {
        return stateDir.resolve("postgres");
    }

    static Path logsDir(Path stateDir) {
        return stateDir.resolve("logs");
    }

    public static final class Builder {

        private Path stateDir = Path.of(".gofer-local");
        private int kafkaPort = DEFAULT_KAFKA_PORT;
        private int kafkaControllerPort = DEFAULT_KAFKA_CONTROLLER_PORT;
        private int postgresPort = DEFAULT_POSTGRES_PORT;
        private boolean randomPorts;
        private boolean fresh;
        private boolean shutdownHook = true;

        private Builder() {
        }

        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = port;
            return this;
        }

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        /** Free ports for Kafka, its controller and PostgreSQL instead of the fixed ones. */
        public Builder randomPorts() {
            this.randomPorts = true;
            return this;
        }

        /** Deletes the Kafka and PostgreSQL data before starting (default: keep them). */
        public Builder fresh() {
            this.fresh = true;
            return this;
        }

        /** Whether to close at JVM exit (default yes); {@link LocalStack} closes it itself, in order. */
        Builder shutdownHook(boolean enabled) {
            this.shutdownHook = enabled;
            return this;
        }

        public LocalInfra start() {
            LauncherLogging.quietLibraries();
            Path state = stateDir.toAbsolutePath().normalize();
            if (randomPorts) {
                int[] ports = Ports.free(3);
                kafkaPort = ports[0];
                kafkaControllerPort = ports[1];
                postgresPort = ports[2];
            } else {
                Ports.requireFree(List.of("Kafka", "Kafka controller", "PostgreSQL"),
                        List.of(kafkaPort, kafkaControllerPort, postgresPort));
            }
            LocalInfra infra = lockStateDir(state);
            try {
                if (fresh) {
                    deleteRecursively(kafkaDir(state));
                    deleteRecursively(postgresDir(state));
                }
                Files.createDirectories(logsDir(state));
                long t0 = System.nanoTime();
                infra.kafka = KafkaNode.start(kafkaDir(state), state.resolve("kafka.properties"), kafkaPort,
                        kafkaControllerPort);
                infra.kafkaRunning = true;
                long t1 = System.nanoTime();
                LOG.info(() -> "Kafka ready on " + infra.kafka.bootstrapServers() + " in " + millis(t0, t1) + " ms");
                infra.postgres = PostgresNode.start(postgresDir(state), postgresPort,
                        logsDir(state).resolve("postgres.log"));
                infra.postgres.ensureDatabase(DATABASE);
                long t2 = System.nanoTime();
                LOG.info(() -> "PostgreSQL ready on port " + infra.postgres.port() + " in " + millis(t1, t2) + " ms");
                TopicProvisioner.ensureAll(infra.kafka.bootstrapServers());
                LOG.info(() -> "topics ready in " + millis(t2, System.nanoTime()) + " ms");
            } catch (IOException e) {
                infra.close();
                throw new LocalStackException("cannot prepare " + state + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                infra.close();
                throw e instanceof LocalStackException l
                        ? l
                        : new LocalStackException("infrastructure did not start: " + e.getMessage(), e);
            }
            if (shutdownHook) {
                infra.shutdownHook = new Thread(infra::close, "gofer-local-infra-stop");
                Runtime.getRuntime().addShutdownHook(infra.shutdownHook);
            }
            return infra;
        }

        private static LocalInfra lockStateDir(Path state) {
            try {
                Files.createDirectories(state);
                FileChannel channel = FileChannel.open(state.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    throw new LocalStackException("another launcher is using " + state
                            + " (stop it with deploy/local/down.sh, or choose another state dir)");
                }
                return new LocalInfra(state, channel, lock);
            } catch (IOException e) {
                throw new LocalStackException("cannot use state dir " + state + ": " + e.getMessage(), e);
            }
        }

        private static long millis(long from, long to) {
            return Duration.ofNanos(to - from).toMillis();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
