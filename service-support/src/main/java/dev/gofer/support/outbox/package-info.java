/**
 * The transactional outbox: events written in the transaction of the state change that implies them, published after
 * commit by the relay. A service that uses it owns a table {@code outbox} in its schema (see its Flyway migrations)
 * and an {@link dev.gofer.events.EventPublisher} bean (from {@link dev.gofer.support.messaging.KafkaSetup}).
 */
package dev.gofer.support.outbox;
