/** api-service: pipelines, config versions, runs, task runs and logs; the run orchestrator. */
package dev.gofer.api;
