/** Kafka side of resolution: channel names, the resolve consumer, the event publisher. */
package dev.gofer.store.resolve.messaging;
