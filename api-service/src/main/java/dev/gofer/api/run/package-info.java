/** Runs and task runs: creation from run requests, the DAG walk, attempts, retries, deadlines and cancellation. */
package dev.gofer.api.run;
