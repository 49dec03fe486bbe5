/** Kafka in: the channel names, and the token grants this service checks requests against. */
package dev.gofer.trigger.common.messaging;
