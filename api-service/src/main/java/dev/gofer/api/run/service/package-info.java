/** Run creation, the DAG decision and its application, task-run status, attempts and retries, deadlines, cancellation, and reads. */
package dev.gofer.api.run.service;
