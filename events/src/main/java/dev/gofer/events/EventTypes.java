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
            new Registration(LogChunk.TYPE, 1, LogChunk.class));

    private static final Map<String, Registration> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Registration::type, Function.identity()));
    private static final Map<Class<?>, Registration> BY_CLASS = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Registration::payloadClass, Function.identity()));

    private EventTypes() {
    }

    public static List<Registration> all() {
        return ALL;
    }

    public static Optional<Registration> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    static Registration of(Class<?> payloadClass) {
        Registration reg = BY_CLASS.get(payloadClass);
        if (reg == null) {
            throw new IllegalArgumentException("unregistered payload class " + payloadClass.getName());
        }
        return reg;
    }
}
