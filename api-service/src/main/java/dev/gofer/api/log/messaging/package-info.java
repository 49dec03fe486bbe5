/** The Kafka consumer of log chunks from workers. */
package dev.gofer.api.log.messaging;
