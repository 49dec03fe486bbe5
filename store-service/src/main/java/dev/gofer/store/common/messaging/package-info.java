/** Kafka plumbing of store-service: its channel names (topics and the publisher come from service-support). */
package dev.gofer.store.common.messaging;
