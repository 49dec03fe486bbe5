/** Shared test fixtures: real Kafka, PostgreSQL and private Docker registry, Kafka clients, local Docker images. */
package dev.gofer.testsupport;
