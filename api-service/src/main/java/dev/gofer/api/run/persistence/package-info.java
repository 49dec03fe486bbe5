/** Run, task-run and log-line storage. */
package dev.gofer.api.run.persistence;
