package dev.gofer.events;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes envelopes: key = envelope key, value = JSON, headers = id/type/version. Idempotent producer with
 * {@code acks=all}; {@link #publishAndWait} returns only once the broker has the record.
 */
public final class EventPublisher implements AutoCloseable {

    private final Producer<String, byte[]> producer;

    public EventPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** A publisher with the contract's producer settings; {@code lingerMs} 0 for latency-critical paths. */
    public static EventPublisher create(String bootstrapServers, String clientId, int lingerMs) {
        return new EventPublisher(new KafkaProducer<>(producerProperties(bootstrapServers, clientId, lingerMs)));
    }

    public static Properties producerProperties(String bootstrapServers, String clientId, int lingerMs) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, Envelope<?> envelope) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, envelope.key(),
                EventCodec.encode(envelope));
        EventHeaders.write(record.headers(), envelope);
        return record;
    }

    public CompletableFuture<RecordMetadata> publish(String topic, Envelope<?> envelope) {
        CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
        producer.send(toRecord(topic, envelope), (metadata, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                done.complete(metadata);
            }
        });
        return done;
    }

    /** Publishes and blocks until acknowledged by all in-sync replicas, or throws {@link PublishException}. */
    public RecordMetadata publishAndWait(String topic, Envelope<?> envelope, Duration timeout) {
        try {
            return publish(topic, envelope).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException e) {
            throw new PublishException("cannot publish to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("no acknowledgement from " + topic + " within " + timeout, e);
        }
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** The broker did not take a record. */
    public static class PublishException extends RuntimeException {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
