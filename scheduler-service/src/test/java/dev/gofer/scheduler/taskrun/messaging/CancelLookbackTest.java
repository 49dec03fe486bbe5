package dev.gofer.scheduler.taskrun.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.gofer.testsupport.EmbeddedKafka;

/** Against a real broker: where the cancel consumer starts on partitions with and without a committed offset. */
class CancelLookbackTest {

    private static final Duration LOOKBACK = Duration.ofMinutes(10);
    private static final String TOPIC = "cancel-lookback-" + UUID.randomUUID();
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static String bootstrap;

    @BeforeAll
    static void writeRecords() throws Exception {
        bootstrap = EmbeddedKafka.shared().bootstrapServers();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long now = System.currentTimeMillis();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(TOPIC, 0, now - Duration.ofMinutes(20).toMillis(), "k", "p0-old")).get();
            producer.send(new ProducerRecord<>(TOPIC, 0, now - Duration.ofMinutes(1).toMillis(), "k", "p0-recent"))
                    .get();
            producer.send(new ProducerRecord<>(TOPIC, 1, now - Duration.ofMinutes(30).toMillis(), "k", "p1-old")).get();
        }
    }

    @Test
    void shouldStartAtTheCancelsOfTheLookbackWhenPartitionHasNoCommittedOffset() {
        assertThat(readFromStart("fresh-" + UUID.randomUUID())).containsExactly("p0-recent");
    }

    @Test
    void shouldKeepCommittedOffsetWhenGroupHasOne() {
        String group = "committed-" + UUID.randomUUID();
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.commitSync(Map.of(P0, new OffsetAndMetadata(0)));
        }

        assertThat(readFromStart(group)).as("p0 from its committed offset 0, p1 (none committed, nothing recent) at "
                + "the end").containsExactly("p0-old", "p0-recent");
    }

    /** Every value a consumer of the group reads within a few seconds of joining, with the lookback in place. */
    private static List<String> readFromStart(String group) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.subscribe(Set.of(TOPIC), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    CancelLookback.startFreshPartitions(consumer, partitions, LOOKBACK);
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }
            });
            Instant until = Instant.now().plusSeconds(6);
            while (Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
