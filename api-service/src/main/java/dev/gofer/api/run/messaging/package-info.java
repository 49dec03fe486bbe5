/** Kafka consumers of run requests, task-run status and log chunks. */
package dev.gofer.api.run.messaging;
