/** The resolved_attempts table: the task-run attempts whose outcome store-service has published. */
package dev.gofer.store.resolve.persistence;
