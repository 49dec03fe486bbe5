package dev.gofer.support.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.InvalidEventException;
import dev.gofer.events.Topics;

/**
 * The token directory of a service that does not own tokens: the grants api-service publishes on
 * {@link Topics#TOKENS}, read whole from the beginning at start (no consumer group, nothing committed) and then
 * followed, in memory by hash. Not ready until it has read up to the end offsets it saw at start, so a token made
 * before this service started is never called unknown. A change reaches it as fast as the outbox relay publishes it
 * (well under the 5 s the design allows). Services subclass it as a bean and call {@link #start}/{@link #stop}.
 */
public class PublishedTokens implements TokenDirectory {

    private static final Logger LOG = Logger.getLogger(PublishedTokens.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Map<String, TokenGrant> byHash = new ConcurrentHashMap<>();
    private final Map<String, String> hashById = new ConcurrentHashMap<>();
    private volatile boolean ready;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread reader;

    @Override
    public Optional<TokenGrant> byHash(String sha256Hex) {
        return Optional.ofNullable(byHash.get(sha256Hex));
    }

    @Override
    public boolean ready() {
        return ready;
    }

    /** Starts reading {@link Topics#TOKENS} on {@code bootstrapServers}; {@code clientId} names this service. */
    public synchronized void start(String bootstrapServers, String clientId) {
        if (reader != null) {
            return;
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-tokens");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(config);
        reader = new Thread(this::read, clientId + "-tokens");
        reader.setDaemon(true);
        reader.start();
    }

    public synchronized void stop() {
        if (consumer != null) {
            consumer.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void read() {
        KafkaConsumer<String, byte[]> kafka = consumer;
        try (kafka) {
            List<TopicPartition> partitions = partitions(kafka);
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(kafka.endOffsets(partitions));
            long started = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                    apply(record);
                }
                if (!ready && end.entrySet().stream().allMatch(e -> kafka.position(e.getKey()) >= e.getValue())) {
                    ready = true;
                    LOG.infof("%d token grant(s) read from %s in %d ms; serving requests", byHash.size(),
                            Topics.TOKENS, Duration.ofNanos(System.nanoTime() - started).toMillis());
                }
            }
        } catch (WakeupException e) {
            // stop() asked
        } catch (RuntimeException e) {
            ready = false;
            LOG.errorf(e, "reading %s failed; no token is accepted until the service restarts", Topics.TOKENS);
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        while (true) {
            var infos = kafka.partitionsFor(Topics.TOKENS, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                        .collect(Collectors.toList());
            }
            LOG.infof("waiting for topic %s", Topics.TOKENS);
        }
    }

    /** One grant record: the latest state of its token (a record it cannot read is skipped and logged). */
    void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            Envelope<?> envelope = EventCodec.decode(record.value());
            if (envelope.payload() instanceof dev.gofer.events.TokenGrant grant) {
                apply(grant);
            }
        } catch (InvalidEventException | IllegalArgumentException e) {
            LOG.warnf("skipped an unreadable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    /** Replaces what is known of the grant's token. */
    public void apply(dev.gofer.events.TokenGrant grant) {
        String previous = hashById.remove(grant.tokenId());
        if (previous != null) {
            byHash.remove(previous);
        }
        if (grant.revoked()) {
            return;
        }
        List<Permission> permissions = grant.permissions().stream()
                .map(g -> new Permission(g.resources(), g.actions().stream().map(Action::of).toList())).toList();
        RunScope scope = grant.run() == null
                ? null
                : new RunScope(grant.run().namespaceId(), grant.run().pipelineId(), grant.run().runId());
        byHash.put(grant.hash(), new TokenGrant(grant.tokenId(), grant.user(), grant.namespaces(), grant.roles(),
                grant.admin(), permissions, grant.expires() == 0 ? null : Instant.ofEpochMilli(grant.expires()),
                grant.disabled(), scope));
        hashById.put(grant.tokenId(), grant.hash());
    }
}
