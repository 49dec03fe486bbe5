package dev.gofer.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of payload types: wire name, current schema version, record class. */
public final class EventTypes {

    /** One payload type. {@code version} is the newest schema version this build writes and reads. */
    public record Registration(String type, int version, Class<? extends EventPayload> payloadClass) {
    }

    private static final List<Registration> ALL = List.of(
            new Registration(RunRequested.TYPE, 1, RunRequested.class),
            new Registration(TaskRunToResolve.TYPE, 1, TaskRunToResolve.class),
            new Registration(TaskRunReady.TYPE, 1, TaskRunReady.class),
            new Registration(TaskRunStarted.TYPE, 1, TaskRunStarted.class),
            new Registration(TaskRunExited.TYPE, 1, TaskRunExited.class),
            new Registration(TaskRunFailed.TYPE, 1, TaskRunFailed.class),
            new Registration(TaskRunCancel.TYPE, 1, TaskRunCancel.class),
            new Registration(LogChunk.TYPE, 1, LogChunk.class),
            new Registration(WorkerHeartbeat.TYPE, 1, WorkerHeartbeat.class),
            new Registration(TokenGrant.TYPE, 1, TokenGrant.class),
            new Registration(NamespaceChanged.CREATED, 1, NamespaceChanged.class),
            new Registration(NamespaceChanged.UPDATED, 1, NamespaceChanged.class),
            new Registration(NamespaceChanged.DELETED, 1, NamespaceChanged.class),
            new Registration(PipelineChanged.CREATED, 1, PipelineChanged.class),
            new Registration(PipelineChanged.ENABLED, 1, PipelineChanged.class),
            new Registration(PipelineChanged.DISABLED, 1, PipelineChanged.class),
            new Registration(PipelineChanged.DELETED, 1, PipelineChanged.class),
            new Registration(PipelineChanged.CONFIG_REGISTERED, 1, PipelineChanged.class),
            new Registration(PipelineChanged.CONFIG_DELETED, 1, PipelineChanged.class),
            new Registration(DeploymentChanged.STARTED, 1, DeploymentChanged.class),
            new Registration(DeploymentChanged.COMPLETED, 1, DeploymentChanged.class),
            new Registration(RunChanged.QUEUED, 1, RunChanged.class),
            new Registration(RunChanged.STARTED, 1, RunChanged.class),
            new Registration(RunChanged.CANCELLING, 1, RunChanged.class),
            new Registration(RunChanged.COMPLETED, 1, RunChanged.class),
            new Registration(TaskRunChanged.RUNNING, 1, TaskRunChanged.class),
            new Registration(TaskRunChanged.RETRYING, 1, TaskRunChanged.class),
            new Registration(TaskRunChanged.COMPLETED, 1, TaskRunChanged.class),
            new Registration(StoreChanged.OBJECT_STORED, 1, StoreChanged.class),
            new Registration(StoreChanged.OBJECT_DELETED, 1, StoreChanged.class),
            new Registration(StoreChanged.OBJECT_EVICTED, 1, StoreChanged.class),
            new Registration(StoreChanged.RUN_OBJECTS_EXPIRED, 1, StoreChanged.class),
            new Registration(StoreChanged.SECRET_STORED, 1, StoreChanged.class),
            new Registration(StoreChanged.SECRET_DELETED, 1, StoreChanged.class),
            new Registration(AuditEvent.TOKEN_CREATED, 1, AuditEvent.class),
            new Registration(AuditEvent.TOKEN_DISABLED, 1, AuditEvent.class),
            new Registration(AuditEvent.TOKEN_ENABLED, 1, AuditEvent.class),
            new Registration(AuditEvent.TOKEN_DELETED, 1, AuditEvent.class),
            new Registration(AuditEvent.ROLE_CREATED, 1, AuditEvent.class),
            new Registration(AuditEvent.ROLE_UPDATED, 1, AuditEvent.class),
            new Registration(AuditEvent.ROLE_DELETED, 1, AuditEvent.class),
            new Registration(AuditEvent.PERMISSION_DENIED, 1, AuditEvent.class),
            new Registration(AuditEvent.SECRET_REVEALED, 1, AuditEvent.class));

    private static final Map<String, Registration> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Registration::type, Function.identity()));
    /** Classes with exactly one type; a {@link DomainEvent} class serves several types, named by its kind. */
    private static final Map<Class<?>, Registration> BY_CLASS = ALL.stream()
            .filter(r -> !DomainEvent.class.isAssignableFrom(r.payloadClass()))
            .collect(Collectors.toUnmodifiableMap(Registration::payloadClass, Function.identity()));

    private EventTypes() {
    }

    public static List<Registration> all() {
        return ALL;
    }

    public static Optional<Registration> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    static Registration of(EventPayload payload) {
        if (payload instanceof DomainEvent event) {
            Registration reg = BY_TYPE.get(event.kind());
            if (reg == null || !reg.payloadClass().isInstance(payload)) {
                throw new IllegalArgumentException("unregistered event kind " + event.kind() + " for "
                        + payload.getClass().getSimpleName());
            }
            return reg;
        }
        return of(payload.getClass());
    }

    static Registration of(Class<?> payloadClass) {
        Registration reg = BY_CLASS.get(payloadClass);
        if (reg == null) {
            throw new IllegalArgumentException("unregistered payload class " + payloadClass.getName());
        }
        return reg;
    }
}
