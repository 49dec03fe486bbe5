/** Running task runs: launch a container per ready task run, stream its logs, report its exit, clean up. */
package dev.gofer.scheduler.taskrun.service;
