package dev.gofer.trigger.subscription.service;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import dev.gofer.trigger.common.service.TriggerException;

/** Every {@link TriggerType} bean, by kind. */
@ApplicationScoped
public class TriggerTypes {

    private final Map<String, TriggerType> byKind = new TreeMap<>();

    public TriggerTypes(@Any Instance<TriggerType> types) {
        for (TriggerType type : types) {
            if (byKind.put(type.kind(), type) != null) {
                throw new IllegalStateException("two trigger types named " + type.kind());
            }
        }
    }

    /** The trigger kind named {@code kind}, or a 400 naming the field {@code trigger}. */
    public TriggerType require(String kind) {
        TriggerType type = byKind.get(kind);
        if (type == null) {
            throw TriggerException.invalid("trigger",
                    "unknown trigger '" + kind + "' (known: " + String.join(", ", byKind.keySet()) + ")");
        }
        return type;
    }
}
