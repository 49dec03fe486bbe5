/**
 * Transaction plumbing: actions after commit, and the idempotent-consumer bookkeeping (event ids already applied).
 * Needs a database; a service without one excludes this package from bean discovery.
 */
package dev.gofer.support.transaction;
