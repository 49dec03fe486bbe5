package dev.gofer.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A public domain event: a state change of a namespace, pipeline, config, deployment, run or task run (api-service),
 * or of the objects and secrets of store-service, published on {@link Topics#EVENTS} for anyone to follow. The
 * envelope's {@code type} is the event's {@link #kind()}, e.g. {@code run.completed}; the payload record says which
 * aggregate it is about.
 */
public sealed interface DomainEvent extends EventPayload
        permits NamespaceChanged, PipelineChanged, DeploymentChanged, RunChanged, TaskRunChanged, StoreChanged,
        AuditEvent {

    /** The envelope type, e.g. {@code run.completed}. */
    String kind();

    /** The record key: the aggregate's id. */
    @JsonIgnore
    String aggregateKey();
}
