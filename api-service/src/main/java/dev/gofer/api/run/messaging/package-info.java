/** Kafka consumers of run requests and task-run status. */
package dev.gofer.api.run.messaging;
