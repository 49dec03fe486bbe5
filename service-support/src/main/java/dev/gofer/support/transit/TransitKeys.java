package dev.gofer.support.transit;

import java.util.Optional;

import dev.gofer.events.TransitSealer;

/** The transit key from configuration ({@code gofer.transit-key}, env {@code GOFER_TRANSIT_KEY}), checked once. */
public final class TransitKeys {

    private TransitKeys() {
    }

    /**
     * The sealer of {@code key}; a missing or malformed key stops the service with a message that names the setting
     * and never quotes the key.
     */
    public static TransitSealer sealer(Optional<String> key, String service, String purpose) {
        if (key.isEmpty() || key.get().isBlank()) {
            throw new IllegalStateException("gofer.transit-key (env GOFER_TRANSIT_KEY) is not set: " + service
                    + " needs the base64 of the 32-byte transit key " + purpose);
        }
        try {
            return TransitSealer.fromBase64(key.get());
        } catch (IllegalArgumentException e) {
            // The cause may quote a character of the key: keep it out of the message.
            throw new IllegalStateException(
                    "gofer.transit-key (env GOFER_TRANSIT_KEY) must be the base64 of exactly 32 random bytes");
        }
    }
}
