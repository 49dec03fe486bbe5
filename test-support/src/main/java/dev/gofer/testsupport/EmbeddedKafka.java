package dev.gofer.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

import dev.gofer.events.TopicProvisioner;
import dev.gofer.events.Topics;

/**
 * A real single-node KRaft broker inside the test JVM, on a random localhost port, with every Gofer topic created.
 * {@link #shared()} gives one broker per JVM, started on first use and stopped at JVM exit.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static EmbeddedKafka shared;

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static synchronized EmbeddedKafka shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-kafka-stop"));
        }
        return shared;
    }

    public static EmbeddedKafka start() {
        // A broker that hits a fatal error (e.g. while the JVM is shutting down) must not halt the test JVM:
        // that would turn a passed test run into a failed fork.
        Exit.setExitProcedure((code, message) -> System.err.println("embedded Kafka asked to exit " + code + ": "
                + message));
        Exit.setHaltProcedure((code, message) -> System.err.println("embedded Kafka asked to halt " + code + ": "
                + message));
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", Integer.toString(Topics.DEFAULT_PARTITIONS))
                    .setConfigProp("auto.create.topics.enable", "true")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            EmbeddedKafka kafka = new EmbeddedKafka(cluster);
            TopicProvisioner.ensureAll(kafka.bootstrapServers());
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start embedded Kafka", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            // best effort at shutdown
        }
    }
}
