/** Kafka plumbing every feature shares: channel names, topic provisioning, the one event publisher. */
package dev.gofer.store.common.messaging;
