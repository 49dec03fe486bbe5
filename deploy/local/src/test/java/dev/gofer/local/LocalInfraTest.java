package dev.gofer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.gofer.events.TopicProvisioner;
import dev.gofer.events.Topics;

class LocalInfraTest {

    private static final String TOPIC = "local-infra-test";

    @Test
    void shouldRoundTripKafkaAndQueryPostgresWhenStartedWithRandomPorts() throws Exception {
        Path state = TestDirs.fresh("infra");
        try (LocalInfra infra = LocalInfra.builder().stateDir(state).randomPorts().start()) {
            assertThat(infra.kafkaBootstrap()).isNotEqualTo("localhost:" + LocalInfra.DEFAULT_KAFKA_PORT);
            assertThat(infra.jdbcUrl()).matches("jdbc:postgresql://localhost:\\d+/gofer");

            produce(infra.kafkaBootstrap(), "k1", "hello");
            assertThat(consumeAll(infra.kafkaBootstrap())).containsExactly("hello");
            assertThat(partitionsOf(infra.kafkaBootstrap(), Topics.all())).containsOnlyKeys(Topics.all())
                    .allSatisfy((topic, partitions) -> assertThat(partitions).isEqualTo(Topics.DEFAULT_PARTITIONS));

            try (Connection c = connect(infra);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT current_database(), current_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("gofer");
                assertThat(rs.getString(2)).isEqualTo("postgres");
            }

            assertThatThrownBy(() -> LocalInfra.builder().stateDir(state).randomPorts().start())
                    .isInstanceOf(LocalStackException.class).hasMessageContaining("another launcher is using");
        }
    }

    @Test
    void shouldKeepDataWhenStartedAgainOnTheSameStateDir() throws Exception {
        Path state = TestDirs.fresh("infra-restart");
        String firstBootstrap;
        try (LocalInfra infra = LocalInfra.builder().stateDir(state).randomPorts().start()) {
            firstBootstrap = infra.kafkaBootstrap();
            produce(infra.kafkaBootstrap(), "k1", "before-restart");
            try (Connection c = connect(infra); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE survivor (id int PRIMARY KEY, note text)");
                s.execute("INSERT INTO survivor VALUES (1, 'written before the restart')");
            }
        }

        try (LocalInfra infra = LocalInfra.builder().stateDir(state).randomPorts().start()) {
            assertThat(infra.kafkaBootstrap()).isNotEqualTo(firstBootstrap);
            try (Connection c = connect(infra);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT note FROM survivor WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("written before the restart");
            }
            produce(infra.kafkaBootstrap(), "k2", "after-restart");
            assertThat(consumeAll(infra.kafkaBootstrap())).containsExactlyInAnyOrder("before-restart",
                    "after-restart");
        }
    }

    @Test
    void shouldKeepAddressRecordsAndOffsetsWhenKafkaIsRestarted() throws Exception {
        Path state = TestDirs.fresh("infra-kafka-restart");
        try (LocalInfra infra = LocalInfra.builder().stateDir(state).randomPorts().start()) {
            String bootstrap = infra.kafkaBootstrap();
            produce(bootstrap, "k1", "before-restart");
            assertThat(consumeInGroup(bootstrap, "restart-group", 1)).containsExactly("before-restart");

            infra.restartKafka(Duration.ofSeconds(1));

            assertThat(infra.isKafkaRunning()).isTrue();
            assertThat(infra.kafkaBootstrap()).isEqualTo(bootstrap);
            produce(bootstrap, "k2", "after-restart");
            assertThat(consumeAll(bootstrap)).containsExactlyInAnyOrder("before-restart", "after-restart");
            assertThat(consumeInGroup(bootstrap, "restart-group", 1)).as("the group's committed offset survived")
                    .containsExactly("after-restart");
            try (Connection c = connect(infra);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }

            infra.stopKafka();
            assertThat(infra.isKafkaRunning()).isFalse();
            infra.startKafka();
            assertThat(consumeAll(bootstrap)).hasSize(2);
        }
    }

    private static Connection connect(LocalInfra infra) throws SQLException {
        return DriverManager.getConnection(infra.jdbcUrl(), LocalInfra.DB_USER, LocalInfra.DB_PASSWORD);
    }

    private static void produce(String bootstrap, String key, String value) throws Exception {
        TopicProvisioner.ensure(bootstrap, List.of(TOPIC), Topics.DEFAULT_PARTITIONS, (short) 1);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Every value in the test topic, read from the beginning up to the end offsets seen now. */
    private static List<String> consumeAll(String bootstrap) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream()
                    .mapToLong(Long::longValue).sum();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return values.size() >= end;
            });
        }
        return values;
    }

    /** {@code count} values read in consumer group {@code group}, committing the offsets as it goes. */
    private static List<String> consumeInGroup(String bootstrap, String group, int count) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return values.size() >= count;
            });
            consumer.commitSync(Duration.ofSeconds(30));
        }
        return values;
    }

    private static Map<String, Integer> partitionsOf(String bootstrap, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get(30,
                    TimeUnit.SECONDS);
            return descriptions.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                    e -> e.getValue().partitions().size()));
        }
    }
}
