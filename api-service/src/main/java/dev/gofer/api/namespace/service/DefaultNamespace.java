package dev.gofer.api.namespace.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

/** Makes sure the {@code default} namespace exists once the schema is migrated, at every start. */
@ApplicationScoped
class DefaultNamespace {

    @Inject
    NamespaceService namespaces;

    void onStart(@Observes StartupEvent event) {
        namespaces.ensureDefault();
    }
}
