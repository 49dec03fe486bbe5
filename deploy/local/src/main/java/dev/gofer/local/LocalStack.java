package dev.gofer.local;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The whole Gofer system on this machine: {@link LocalInfra} (KRaft broker in this JVM, PostgreSQL) plus the four
 * services as child processes, each answering {@code GET /q/health/ready} before {@link Builder#start()} returns.
 * Also the {@code main} of {@code gofer-local-launcher.jar} ({@code java -jar gofer-local-launcher.jar start}).
 *
 * <pre>
 * try (LocalStack stack = LocalStack.builder().repoRoot(repo).stateDir(dir).randomPorts().start()) {
 *     String api = stack.apiUrl();
 *     stack.kill(LocalStack.schedulerName(1));
 *     stack.restartKafka(Duration.ofSeconds(5));
 * }
 * </pre>
 */
public final class LocalStack implements AutoCloseable {

    public static final int DEFAULT_API_PORT = 8080;
    public static final int DEFAULT_STORE_PORT = 8081;
    public static final int DEFAULT_TRIGGER_PORT = 8082;
    /** Scheduler instance {@code i} (from 1) listens on {@code DEFAULT_SCHEDULER_PORT + i - 1}. */
    public static final int DEFAULT_SCHEDULER_PORT = 8083;
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(LocalStack.class.getName());
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");

    /** The four services, by module directory. */
    public enum Service {
        API("api-service"), STORE("store-service"), TRIGGER("trigger-service"), SCHEDULER("scheduler-service");

        private final String module;

        Service(String module) {
            this.module = module;
        }

        public String module() {
            return module;
        }

        Path jar(Path repoRoot) {
            return repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    public static final String API = Service.API.module();
    public static final String STORE = Service.STORE.module();
    public static final String TRIGGER = Service.TRIGGER.module();

    /** Name of scheduler instance {@code i} (from 1): {@code scheduler-service-1}, ... */
    public static String schedulerName(int instance) {
        return Service.SCHEDULER.module() + "-" + instance;
    }

    private final LocalInfra infra;
    private final Map<String, ServiceProcess> services;
    private final Duration readyTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Thread shutdownHook;
    private boolean closed;
    private volatile String adminToken;

    private LocalStack(LocalInfra infra, Map<String, ServiceProcess> services, Duration readyTimeout) {
        this.infra = infra;
        this.services = services;
        this.readyTimeout = readyTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String apiUrl() {
        return service(API).url();
    }

    public String storeUrl() {
        return service(STORE).url();
    }

    public String triggerUrl() {
        return service(TRIGGER).url();
    }

    /** URL of scheduler instance {@code i} (from 1). */
    public String schedulerUrl(int instance) {
        return service(schedulerName(instance)).url();
    }

    public String url(String name) {
        return service(name).url();
    }

    public String kafkaBootstrap() {
        return infra.kafkaBootstrap();
    }

    /** {@code jdbc:postgresql://localhost:<port>/gofer}; login {@code postgres}/{@code postgres}. */
    public String jdbcUrl() {
        return infra.jdbcUrl();
    }

    public Path stateDir() {
        return infra.stateDir();
    }

    /** Instance names in start order: api-service, store-service, trigger-service, scheduler-service-1, ... */
    public List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    public Path logFile(String name) {
        return service(name).logFile();
    }

    public OptionalLong pid(String name) {
        return service(name).pid();
    }

    public boolean isRunning(String name) {
        return service(name).isAlive();
    }

    /** SIGTERM, then SIGKILL after 10 s. */
    public void stop(String name) {
        service(name).stop(STOP_GRACE);
        LOG.info(() -> name + " stopped");
    }

    /** SIGKILL at once (fault tests). */
    public void kill(String name) {
        service(name).kill();
        LOG.info(() -> name + " killed");
    }

    /** Starts a stopped or killed service again with the same environment and waits until it is ready. */
    public void start(String name) {
        ServiceProcess process = service(name);
        process.start();
        awaitReady(List.of(process), readyTimeout);
    }

    /**
     * Restarts the broker in this JVM on the same data dir and ports, {@code downtime} after stopping it; the services
     * keep running and reconnect on their own (fault tests). Returns once the broker answers again.
     */
    public void restartKafka(Duration downtime) {
        infra.restartKafka(downtime);
    }

    /** Stops the broker (the services keep running without it) until {@link #startKafka()}. */
    public void stopKafka() {
        infra.stopKafka();
    }

    /** Starts a stopped broker again on the same data dir and ports. */
    public void startKafka() {
        infra.startKafka();
    }

    /**
     * Stops the services (SIGTERM, SIGKILL after 10 s), then PostgreSQL, then Kafka. Idempotent; a concurrent caller
     * (the shutdown hook) waits until the first one is done.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        stopAll(services.values());
        infra.close();
    }

    private static void stopAll(Collection<ServiceProcess> processes) {
        processes.forEach(ServiceProcess::signalStop);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        processes.forEach(p -> p.awaitStop(deadline));
    }

    private ServiceProcess service(String name) {
        ServiceProcess process = services.get(name);
        if (process == null) {
            throw new LocalStackException("no service " + name + " in this stack; known: " + services.keySet());
        }
        return process;
    }

    private void awaitReady(Collection<ServiceProcess> processes, Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        Set<ServiceProcess> pending = new LinkedHashSet<>(processes);
        while (true) {
            for (Iterator<ServiceProcess> it = pending.iterator(); it.hasNext();) {
                ServiceProcess p = it.next();
                if (!p.isAlive()) {
                    throw new LocalStackException(p.name() + " exited with code " + p.exitCode().orElse(-1)
                            + " before it was ready. Last lines of " + p.logFile() + ":\n" + p.logTail(40),
                            p.name(), null);
                }
                if (isReady(p)) {
                    it.remove();
                    long ms = Duration.between(start, Instant.now()).toMillis();
                    LOG.info(() -> p.name() + " ready on " + p.url() + " after " + ms + " ms");
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                ServiceProcess p = pending.iterator().next();
                throw new LocalStackException(pending.stream().map(ServiceProcess::name).collect(Collectors.joining(
                        ", ")) + " not ready (GET " + p.url() + "/q/health/ready did not answer 200) after "
                        + timeout.toSeconds() + " s. Last lines of " + p.logFile() + ":\n" + p.logTail(40),
                        p.name(), null);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("interrupted while waiting for the services");
            }
        }
    }

    /** The API's admin token (the bootstrap token, kept in {@code keys.env} as {@code GOFER_API_TOKEN}). */
    public String adminToken() {
        if (adminToken == null) {
            throw new IllegalStateException("the local stack has no admin token (started without services?)");
        }
        return adminToken;
    }

    /**
     * Makes the API's bootstrap token when the installation has none yet and keeps it in {@code keys}; when it was
     * made before (409), the one in {@code keys} is used. A 409 with no token kept means keys.env lost it: the
     * database must be purged (down.sh --purge) to bootstrap again.
     */
    private void bootstrapAdminToken(Path keys) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl() + "/api/tokens/bootstrap"))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                Matcher secret = SECRET.matcher(response.body());
                if (!secret.find()) {
                    throw new LocalStackException("the bootstrap answer held no token");
                }
                adminToken = secret.group(1);
                Keys.saveApiToken(keys, adminToken);
                LOG.info(() -> "admin token made (bootstrap) and kept in " + keys + " as " + Keys.API_TOKEN);
            } else if (response.statusCode() == 409) {
                adminToken = Keys.apiToken(keys);
                if (adminToken.isEmpty()) {
                    throw new LocalStackException("the API was bootstrapped before, but " + keys + " holds no "
                            + Keys.API_TOKEN + ": stop and purge the stack (deploy/local/down.sh --purge)");
                }
            } else {
                throw new LocalStackException("bootstrap answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new LocalStackException("cannot bootstrap the admin token: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while bootstrapping the admin token", e);
        }
    }

    private boolean isReady(ServiceProcess p) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(p.url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code KEY=value} lines for scripts: URLs, Kafka, JDBC URL and PIDs. */
    String describe() {
        StringBuilder env = new StringBuilder();
        env.append("API_URL=").append(apiUrl()).append('\n');
        env.append("STORE_URL=").append(storeUrl()).append('\n');
        env.append("TRIGGER_URL=").append(triggerUrl()).append('\n');
        env.append("SCHEDULER_URLS=").append(services.values().stream()
                .filter(s -> s.name().startsWith(Service.SCHEDULER.module()))
                .map(ServiceProcess::url).collect(Collectors.joining(","))).append('\n');
        env.append("KAFKA_BOOTSTRAP=").append(kafkaBootstrap()).append('\n');
        env.append("JDBC_URL=").append(jdbcUrl()).append('\n');
        env.append("STATE_DIR=").append(stateDir()).append('\n');
        env.append("LAUNCHER_PID=").append(ProcessHandle.current().pid()).append('\n');
        for (ServiceProcess s : services.values()) {
            env.append(s.name().toUpperCase().replace('-', '_')).append("_PID=")
                    .append(s.pid().isPresent() ? Long.toString(s.pid().getAsLong()) : "").append('\n');
        }
        return env.toString();
    }

    public static final class Builder {

        private Path repoRoot;
        private Path stateDir;
        private int kafkaPort = LocalInfra.DEFAULT_KAFKA_PORT;
        private int kafkaControllerPort = LocalInfra.DEFAULT_KAFKA_CONTROLLER_PORT;
        private int postgresPort = LocalInfra.DEFAULT_POSTGRES_PORT;
        private int apiPort = DEFAULT_API_PORT;
        private int storePort = DEFAULT_STORE_PORT;
        private int triggerPort = DEFAULT_TRIGGER_PORT;
        private int schedulerPort = DEFAULT_SCHEDULER_PORT;
        private boolean randomPorts;
        private int schedulers = 1;
        private String schedulerNetworkMode = "host";
        private String workerIdPrefix = "worker-";
        private final Map<Service, Map<String, String>> extraEnv = new EnumMap<>(Service.class);
        private boolean fresh;
        private boolean withServices = true;
        private Duration readyTimeout = Duration.ofSeconds(120);
        private List<String> javaOptions = List.of("-Xmx256m");

        private Builder() {
        }

        /** Where {@code <service>/target/quarkus-app/quarkus-run.jar} live; default: system property
         * {@code gofer.repo.root}, else the working directory. */
        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot;
            return this;
        }

        /** Default {@code <repo>/.gofer-local}. */
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

        public Builder apiPort(int port) {
            this.apiPort = port;
            return this;
        }

        public Builder storePort(int port) {
            this.storePort = port;
            return this;
        }

        public Builder triggerPort(int port) {
            this.triggerPort = port;
            return this;
        }

        /** Port of scheduler instance 1; instance {@code i} gets {@code port + i - 1}. */
        public Builder schedulerPort(int port) {
            this.schedulerPort = port;
            return this;
        }

        /** Free ports for everything (Kafka, controller, PostgreSQL, every service instance). */
        public Builder randomPorts() {
            this.randomPorts = true;
            return this;
        }

        /** Number of scheduler instances (default 1); worker ids {@code worker-1}, {@code worker-2}, ... */
        public Builder schedulers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one scheduler");
            }
            this.schedulers = count;
            return this;
        }

        /**
         * Prefix of the worker ids (default {@code worker-}). Workers adopt the containers labelled with their own
         * id, so two stacks on one Docker engine (a local stack and a test run) need different prefixes.
         */
        public Builder workerIdPrefix(String prefix) {
            this.workerIdPrefix = prefix;
            return this;
        }

        /** Docker network mode of task containers (default {@code host}). */
        public Builder schedulerNetworkMode(String mode) {
            this.schedulerNetworkMode = mode;
            return this;
        }

        /** An extra environment variable for every instance of {@code service} (wins over the launcher's own). */
        public Builder env(Service service, String name, String value) {
            extraEnv.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** Deletes Kafka and PostgreSQL data before starting (default: keep them across restarts). */
        public Builder fresh() {
            this.fresh = true;
            return this;
        }

        /** Only Kafka, PostgreSQL, topics and keys: no service processes. */
        public Builder withoutServices() {
            this.withServices = false;
            return this;
        }

        /** How long all services together may take to become ready (default 120 s). */
        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        /** JVM options of every service process (default {@code -Xmx256m}). */
        public Builder javaOptions(String... options) {
            this.javaOptions = List.of(options);
            return this;
        }

        public LocalStack start() {
            long t0 = System.nanoTime();
            Path repo = (repoRoot != null
                    ? repoRoot
                    : Path.of(System.getProperty("gofer.repo.root", System.getProperty("user.dir"))))
                    .toAbsolutePath().normalize();
            Path state = (stateDir != null ? stateDir : repo.resolve(".gofer-local")).toAbsolutePath().normalize();
            if (withServices) {
                requireJars(repo);
            }
            int[] randoms = randomPorts ? Ports.free(3 + 3 + schedulers) : null;
            int[] servicePorts = randomPorts
                    ? Arrays.copyOfRange(randoms, 3, randoms.length)
                    : fixedServicePorts();
            LocalInfra.Builder infraBuilder = LocalInfra.builder().stateDir(state).shutdownHook(false);
            if (randomPorts) {
                infraBuilder.kafkaPort(randoms[0]).kafkaControllerPort(randoms[1]).postgresPort(randoms[2]);
            } else {
                infraBuilder.kafkaPort(kafkaPort).kafkaControllerPort(kafkaControllerPort).postgresPort(postgresPort);
            }
            if (fresh) {
                infraBuilder.fresh();
            }
            LocalInfra infra = infraBuilder.start();
            long t1 = System.nanoTime();
            Map<String, ServiceProcess> processes = new LinkedHashMap<>();
            LocalStack stack;
            try {
                Keys keys = Keys.loadOrCreate(state.resolve("keys.env"));
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                int i = 0;
                for (Service service : Service.values()) {
                    int instances = service == Service.SCHEDULER ? schedulers : 1;
                    for (int n = 1; n <= instances; n++) {
                        String name = service == Service.SCHEDULER ? schedulerName(n) : service.module();
                        int port = servicePorts[i++];
                        List<String> command = new ArrayList<>();
                        command.add(java);
                        command.addAll(javaOptions);
                        command.add("-jar");
                        command.add(service.jar(repo).toString());
                        processes.put(name, new ServiceProcess(name, port, command,
                                env(service, n, port, servicePorts, infra, keys),
                                LocalInfra.logsDir(state).resolve(name + ".log"), state));
                    }
                }
                stack = new LocalStack(infra, processes, readyTimeout);
                if (withServices) {
                    processes.values().forEach(ServiceProcess::start);
                    stack.awaitReady(processes.values(), readyTimeout);
                    stack.bootstrapAdminToken(state.resolve("keys.env"));
                }
            } catch (RuntimeException e) {
                stopAll(processes.values());
                infra.close();
                throw e instanceof LocalStackException l
                        ? l
                        : new LocalStackException("the local stack did not start: " + e.getMessage(), e);
            }
            stack.shutdownHook = new Thread(stack::close, "gofer-local-stop");
            Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
            long t2 = System.nanoTime();
            LOG.info(() -> "local stack ready in " + Duration.ofNanos(t2 - t0).toMillis() + " ms (infrastructure "
                    + Duration.ofNanos(t1 - t0).toMillis() + " ms, services " + Duration.ofNanos(t2 - t1).toMillis()
                    + " ms)" + (withServices ? "" : " without services"));
            return stack;
        }

        private void requireJars(Path repo) {
            List<String> missing = new ArrayList<>();
            for (Service service : Service.values()) {
                if (!Files.isRegularFile(service.jar(repo))) {
                    missing.add(repo.relativize(service.jar(repo)).toString());
                }
            }
            if (!missing.isEmpty()) {
                throw new LocalStackException("not built yet: " + String.join(", ", missing) + " (under " + repo
                        + "). Build first: ./mvnw -B -DskipTests install (or run deploy/local/up.sh).");
            }
        }

        /** api, store, trigger, scheduler-1..n. */
        private int[] fixedServicePorts() {
            int[] ports = new int[3 + schedulers];
            ports[0] = apiPort;
            ports[1] = storePort;
            ports[2] = triggerPort;
            for (int n = 0; n < schedulers; n++) {
                ports[3 + n] = schedulerPort + n;
            }
            if (withServices) {
                List<String> usages = new ArrayList<>(List.of(API, STORE, TRIGGER));
                for (int n = 1; n <= schedulers; n++) {
                    usages.add(schedulerName(n));
                }
                Ports.requireFree(usages, Arrays.stream(ports).boxed().toList());
            }
            return ports;
        }

        /** {@code servicePorts} as {@link #fixedServicePorts()} orders them: api, store, trigger, schedulers. */
        private Map<String, String> env(Service service, int instance, int port, int[] servicePorts,
                LocalInfra infra, Keys keys) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrap());
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            if (service != Service.SCHEDULER) {
                env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl());
                env.put("QUARKUS_DATASOURCE_USERNAME", LocalInfra.DB_USER);
                env.put("QUARKUS_DATASOURCE_PASSWORD", LocalInfra.DB_PASSWORD);
            }
            switch (service) {
                case API -> {
                    env.put("GOFER_API_URL", "http://localhost:" + servicePorts[0]);
                    env.put("GOFER_API_STORE_SERVICE_URL", "http://127.0.0.1:" + servicePorts[1]);
                    env.put("GOFER_API_TRIGGER_SERVICE_URL", "http://127.0.0.1:" + servicePorts[2]);
                    env.put(Keys.TRANSIT, keys.transitKey());
                }
                case STORE -> {
                    env.put(Keys.TRANSIT, keys.transitKey());
                    env.put(Keys.STORE_ENCRYPTION, keys.storeEncryptionKey());
                }
                case SCHEDULER -> {
                    env.put(Keys.TRANSIT, keys.transitKey());
                    env.put("GOFER_SCHEDULER_WORKER_ID", workerIdPrefix + instance);
                    env.put("GOFER_SCHEDULER_NETWORK_MODE", schedulerNetworkMode);
                }
                default -> {
                }
            }
            env.putAll(extraEnv.getOrDefault(service, Map.of()));
            return env;
        }
    }

    // ---- main: java -jar gofer-local-launcher.jar start [options]

    private static final String USAGE = """
            usage: java -jar gofer-local-launcher.jar start [--repo DIR] [--state-dir DIR] [--schedulers N]
                                                   [--network-mode host|bridge|none] [--random-ports] [--fresh]
              Starts Kafka, PostgreSQL and the four services; stays up until SIGTERM/SIGINT.
              Writes <state>/stack.env and then <state>/ready; removes <state>/ready on exit.""";

    public static void main(String[] args) {
        LauncherLogging.oneLineConsole();
        if (args.length == 0 || !args[0].equals("start")) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Builder builder = builder();
        Path repo = null;
        Path state = null;
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--repo" -> repo = Path.of(args[++i]);
                    case "--state-dir" -> state = Path.of(args[++i]);
                    case "--schedulers" -> builder.schedulers(Integer.parseInt(args[++i]));
                    case "--network-mode" -> builder.schedulerNetworkMode(args[++i]);
                    case "--random-ports" -> builder.randomPorts();
                    case "--fresh" -> builder.fresh();
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage() == null ? e.toString() : e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
        repo = (repo != null ? repo : defaultRepoRoot()).toAbsolutePath().normalize();
        state = (state != null ? state : repo.resolve(".gofer-local")).toAbsolutePath().normalize();
        Path ready = state.resolve("ready");
        Path failed = state.resolve("failed");
        try {
            Files.createDirectories(state);
            Files.deleteIfExists(ready);
            Files.deleteIfExists(failed);
        } catch (IOException e) {
            LOG.severe("cannot use " + state + ": " + e.getMessage());
            System.exit(1);
        }
        LOG.info("starting the local stack: repo " + repo + ", state " + state);
        LocalStack stack;
        try {
            stack = builder.repoRoot(repo).stateDir(state).start();
        } catch (LocalStackException e) {
            LOG.severe(e.getMessage());
            writeQuietly(failed, e.failedService() == null ? "" : e.failedService() + "\n");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Plain stdout: java.util.logging resets its handlers in its own shutdown hook.
            long t0 = System.nanoTime();
            System.out.println("stopping the local stack");
            deleteQuietly(ready);
            stack.close();
            deleteQuietly(ready);
            System.out.println("local stack stopped in " + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms");
        }, "gofer-local-main-stop"));
        writeQuietly(state.resolve("stack.env"), stack.describe());
        writeQuietly(ready, Instant.now() + "\n");
        System.out.println();
        System.out.println("Gofer local stack is up (state " + state + ")");
        for (String name : stack.serviceNames()) {
            System.out.printf("  %-20s %s%n", name, stack.url(name));
        }
        System.out.printf("  %-20s %s%n", "Kafka", stack.kafkaBootstrap());
        System.out.printf("  %-20s %s%n", "PostgreSQL", stack.jdbcUrl() + " (postgres/postgres)");
        System.out.printf("  %-20s %s%n", "logs", LocalInfra.logsDir(state));
        System.out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The repo that holds this jar ({@code <repo>/deploy/local/target/gofer-local-launcher.jar}), else the working dir. */
    static Path defaultRepoRoot() {
        String property = System.getProperty("gofer.repo.root");
        if (property != null) {
            return Path.of(property);
        }
        try {
            Path jar = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent();
            for (int up = 0; up < 4 && candidate != null; up++, candidate = candidate.getParent()) {
                if (Files.isRegularFile(candidate.resolve("pom.xml"))
                        && Files.isDirectory(candidate.resolve("deploy/local"))) {
                    return candidate;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall back to the working directory
        }
        return Path.of(System.getProperty("user.dir"));
    }

    private static void writeQuietly(Path file, String text) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warning("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing to do at exit
        }
    }
}
