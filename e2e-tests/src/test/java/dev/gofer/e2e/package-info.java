/** End-to-end tests: the whole system as processes over real Kafka, PostgreSQL and Docker. */
package dev.gofer.e2e;
