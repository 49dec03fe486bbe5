/** Kafka side of resolution: the resolve consumer. */
package dev.gofer.store.resolve.messaging;
