/** Leases of running task runs, renewed by worker heartbeats; judged by the run feature's deadline sweep. */
package dev.gofer.api.lease;
