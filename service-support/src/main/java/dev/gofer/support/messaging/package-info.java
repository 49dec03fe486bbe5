/**
 * Kafka plumbing: the contract's topics ensured before consumers start, the service's one event publisher, and how a
 * consumed record is settled (applied, retried, or dead-lettered with its reason).
 */
package dev.gofer.support.messaging;
