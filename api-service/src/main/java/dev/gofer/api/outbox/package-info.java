/** Transactional outbox: events written with the state change that implies them, published after commit. */
package dev.gofer.api.outbox;
