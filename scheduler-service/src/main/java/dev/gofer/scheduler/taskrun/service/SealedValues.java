package dev.gofer.scheduler.taskrun.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gofer.events.EnvVar;
import dev.gofer.events.TaskRunReady;
import dev.gofer.events.TransitSealer;
import dev.gofer.scheduler.container.RegistryCredentials;

/**
 * Opens what store-service sealed for this task run (context = the task run's key): sealed env values and the
 * registry password. Opened values live only in memory on their way to the engine; error messages name keys, never
 * values.
 */
final class SealedValues {

    private final TransitSealer sealer;

    SealedValues(TransitSealer sealer) {
        this.sealer = sealer;
    }

    /** The container environment, in the order given; a later duplicate key wins. */
    Map<String, String> environment(TaskRunReady ready) {
        String context = ready.taskRun().key();
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : ready.env()) {
            env.remove(var.key());
            env.put(var.key(), var.sealed() ? open(var.value(), context, "env var '" + var.key() + "'") : var.value());
        }
        return env;
    }

    Optional<RegistryCredentials> registryCredentials(TaskRunReady ready) {
        if (ready.registryAuth() == null) {
            return Optional.empty();
        }
        return Optional.of(new RegistryCredentials(ready.registryAuth().user(),
                open(ready.registryAuth().pass(), ready.taskRun().key(), "registry_auth.pass")));
    }

    /** Masks the opened values of the sealed env vars and the registry password in the task's log lines. */
    SecretMasker masker(Map<String, String> env, TaskRunReady ready, Optional<RegistryCredentials> credentials) {
        List<String> secrets = new ArrayList<>();
        for (String key : sealedKeys(ready)) {
            secrets.add(env.get(key));
        }
        credentials.ifPresent(c -> secrets.add(c.password()));
        return SecretMasker.of(secrets);
    }

    /** The keys of the env vars that carry a sealed value, each once. */
    static List<String> sealedKeys(TaskRunReady ready) {
        return ready.env().stream().filter(EnvVar::sealed).map(EnvVar::key).distinct().toList();
    }

    private String open(String sealed, String context, String what) {
        try {
            return sealer.open(sealed, context);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot open the sealed value of " + what
                    + " (not sealed for this task run, wrong transit key, or tampered record)");
        }
    }
}
