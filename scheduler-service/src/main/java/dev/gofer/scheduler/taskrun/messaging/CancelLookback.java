package dev.gofer.scheduler.taskrun.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

import dev.gofer.scheduler.config.SchedulerConfig;

/**
 * Starting position of the cancel consumer on partitions its group has never committed an offset for. A worker commits
 * offsets only on partitions it has read a cancel from, so after a restart some partitions have none; Kafka would
 * start those at the end ({@code auto.offset.reset=latest}) and the cancels written while the worker was down — a
 * {@code worker_lost} cancel, the fence of a container it adopts — would never reach it. They start at the first
 * cancel of the last {@code gofer.scheduler.cancel-lookback} instead (cancels are idempotent; a cancel for a container
 * this worker does not have does nothing), and at the end when there is none that recent.
 */
@ApplicationScoped
@Identifier(CancelLookback.NAME)
public class CancelLookback implements KafkaConsumerRebalanceListener {

    /** The name the cancel channel refers to ({@code consumer-rebalance-listener.name}). */
    public static final String NAME = "gofer-cancel-lookback";

    private static final Logger LOG = Logger.getLogger(CancelLookback.class);

    private final SchedulerConfig config;

    public CancelLookback(SchedulerConfig config) {
        this.config = config;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        startFreshPartitions(consumer, partitions, config.cancelLookback());
    }

    /**
     * Seeks every partition of {@code partitions} without a committed offset to its first record of the last
     * {@code lookback}, or to its end when it has none that recent; partitions with a committed offset are left alone.
     */
    static void startFreshPartitions(Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
            Duration lookback) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        long since = Instant.now().minus(lookback).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        for (TopicPartition partition : partitions) {
            if (committed.get(partition) == null) {
                query.put(partition, since);
            }
        }
        if (query.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Set<TopicPartition> toEnd = new HashSet<>();
        for (TopicPartition partition : query.keySet()) {
            OffsetAndTimestamp offset = found.get(partition);
            if (offset == null) {
                toEnd.add(partition);
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
        if (!toEnd.isEmpty()) {
            consumer.seekToEnd(toEnd);
        }
        LOG.debugf("cancel consumer starts %d partitions without a committed offset at the cancels since %s (%d at "
                + "the end: none that recent)", Integer.valueOf(query.size()), Instant.ofEpochMilli(since),
                Integer.valueOf(toEnd.size()));
    }
}
