package dev.gofer.store.common.config;

import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

import dev.gofer.events.TransitSealer;
import dev.gofer.support.transit.TransitKeys;

/** The transit sealer shared with scheduler workers; built at startup so a missing or bad key stops the service. */
public class TransitSealerProducer {

    @Produces
    @Singleton
    @Startup
    TransitSealer transitSealer(@ConfigProperty(name = "gofer.transit-key") Optional<String> transitKey) {
        return TransitKeys.sealer(transitKey, "store-service", "it shares with the scheduler workers");
    }
}
