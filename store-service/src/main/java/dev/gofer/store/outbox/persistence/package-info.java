/** The outbox table: encoded envelopes waiting to be published, claimed with FOR UPDATE SKIP LOCKED. */
package dev.gofer.store.outbox.persistence;
