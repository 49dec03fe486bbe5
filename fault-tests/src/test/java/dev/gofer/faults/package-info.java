/**
 * Fault tests: the whole system as processes (real Kafka, PostgreSQL, Docker) while services are SIGKILLed, the
 * broker restarts and a worker is lost with tasks running; each scenario counts what happened to the runs in flight.
 */
package dev.gofer.faults;
