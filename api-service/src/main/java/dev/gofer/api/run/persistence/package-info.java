/** Runs, task runs and their earlier attempts: the entities (with their state transitions) and repositories. */
package dev.gofer.api.run.persistence;
