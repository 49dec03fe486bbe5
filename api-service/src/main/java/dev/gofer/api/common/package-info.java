/** Pieces every feature of api-service shares: problem responses, Kafka setup, event dedupe. */
package dev.gofer.api.common;
