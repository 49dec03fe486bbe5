/** Kafka side of task runs: channel names, the ready-topic consumer, topic provisioning at startup. */
package dev.gofer.scheduler.taskrun.messaging;
