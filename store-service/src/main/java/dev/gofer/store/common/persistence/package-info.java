/** Transaction plumbing every feature shares: after-commit actions and transaction-scoped advisory locks. */
package dev.gofer.store.common.persistence;
