/** Wiring of outside resources: the Kafka publisher and topic provisioning. */
package dev.gofer.api.common.config;
