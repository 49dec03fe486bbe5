/** Shared test fixtures: real Kafka, real PostgreSQL, Kafka clients and local Docker images for tests. */
package dev.gofer.testsupport;
