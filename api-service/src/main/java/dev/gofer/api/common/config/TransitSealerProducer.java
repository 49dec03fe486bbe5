package dev.gofer.api.common.config;

import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

import dev.gofer.events.TransitSealer;
import dev.gofer.support.transit.TransitKeys;

/**
 * The transit sealer: api-service seals a run's own token ({@code inject_api_token}) for the task containers, so it
 * never travels or rests in plain text. Built at startup so a missing or bad key stops the service.
 */
public class TransitSealerProducer {

    @Produces
    @Singleton
    @Startup
    TransitSealer transitSealer(@ConfigProperty(name = "gofer.transit-key") Optional<String> transitKey) {
        return TransitKeys.sealer(transitKey, "api-service", "to seal run tokens for the scheduler workers");
    }
}
