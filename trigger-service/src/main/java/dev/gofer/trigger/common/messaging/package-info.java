/** Kafka plumbing of trigger-service: publishing run requests (topics and the publisher come from service-support). */
package dev.gofer.trigger.common.messaging;
