/** The Kafka consumer of worker heartbeats. */
package dev.gofer.api.lease.messaging;
