/** Kafka plumbing: the one EventPublisher, topic provisioning and publishing run requests. */
package dev.gofer.trigger.common.messaging;
