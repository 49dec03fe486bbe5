package dev.gofer.store.secret.service;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

import dev.gofer.store.common.config.StoreConfig;

/**
 * Runs {@link KeyRotation} once at startup, after Flyway has migrated and before the Kafka consumers start (they start
 * at {@code LIBRARY_BEFORE}), so a wrong or missing key stops the service before it touches a secret.
 */
@ApplicationScoped
public class KeyRotationStartup {

    private static final Logger LOG = Logger.getLogger(KeyRotationStartup.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecretCipher cipher;

    @Inject
    StoreConfig config;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event) {
        int rotated = new KeyRotation(dataSource, cipher, config.reencryptBatchSize()).run();
        LOG.infof("secret encryption keys checked (versions %s, current %d); %d secret(s) re-encrypted",
                cipher.versions(), cipher.keyVersion(), rotated);
    }
}
