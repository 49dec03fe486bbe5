/** Transactional outbox: domain events written with the state change that implies them, published after commit. */
package dev.gofer.store.outbox.service;
