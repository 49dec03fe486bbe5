package dev.gofer.events;

/** The payload of an {@link Envelope}: one family per aggregate. */
public sealed interface EventPayload permits RunEvent, TaskRunEvent, LogEvent, DomainEvent, WorkerEvent,
        AuthEvent {
}
