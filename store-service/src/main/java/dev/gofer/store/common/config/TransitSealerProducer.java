package dev.gofer.store.common.config;

import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

import dev.gofer.events.TransitSealer;

/** The transit sealer shared with scheduler workers; built at startup so a missing or bad key stops the service. */
public class TransitSealerProducer {

    @Produces
    @Singleton
    @Startup
    TransitSealer transitSealer(@ConfigProperty(name = "gofer.transit-key") Optional<String> transitKey) {
        if (transitKey.isEmpty() || transitKey.get().isBlank()) {
            throw new IllegalStateException("gofer.transit-key (env GOFER_TRANSIT_KEY) is not set: store-service "
                    + "needs the base64 of the 32-byte transit key it shares with the scheduler workers");
        }
        try {
            return TransitSealer.fromBase64(transitKey.get());
        } catch (IllegalArgumentException e) {
            // The cause may quote a character of the key: keep it out of the message.
            throw new IllegalStateException(
                    "gofer.transit-key (env GOFER_TRANSIT_KEY) must be the base64 of exactly 32 random bytes");
        }
    }
}
