/** Runs and task runs: creation from run requests, the DAG walk, status and logs. */
package dev.gofer.api.run;
