package dev.gofer.store.resolve.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.gofer.events.EnvVar;
import dev.gofer.events.FailureReason;
import dev.gofer.events.RegistryAuth;
import dev.gofer.events.TaskRunEvent;
import dev.gofer.events.TaskRunFailed;
import dev.gofer.events.TaskRunReady;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunToResolve;
import dev.gofer.events.TransitSealer;
import dev.gofer.events.Variable;
import dev.gofer.store.object.service.ObjectScope;
import dev.gofer.store.object.service.ObjectService;
import dev.gofer.store.secret.service.GlobalSecretInfo;
import dev.gofer.store.secret.service.GlobalSecretService;
import dev.gofer.store.secret.service.PipelineSecretService;

/**
 * Turns a {@link TaskRunToResolve} into a {@link TaskRunReady} (references replaced, secret values sealed for the
 * task run) or, when any reference cannot be resolved, a {@link TaskRunFailed} with reason
 * {@code failed_precondition} naming every kind and key that failed. Plaintext secrets live only in this method's
 * locals: they are sealed before they leave it.
 */
@ApplicationScoped
public class ResolutionService {

    /** The {@code reporter} of the failures this service publishes. */
    public static final String REPORTER = "store-service";

    @Inject
    PipelineSecretService pipelineSecrets;

    @Inject
    GlobalSecretService globalSecrets;

    @Inject
    ObjectService objects;

    @Inject
    TransitSealer sealer;

    /** The event to publish: a {@link TaskRunReady} or a {@link TaskRunFailed}. */
    @Transactional
    public TaskRunEvent resolve(TaskRunToResolve toResolve) {
        TaskRunRef taskRun = toResolve.taskRun();
        String context = taskRun.key();
        List<String> problems = new ArrayList<>();
        List<EnvVar> env = new ArrayList<>();
        for (Variable variable : toResolve.variables()) {
            Optional<Reference> reference = Reference.parse(variable.value());
            if (reference.isEmpty()) {
                env.add(new EnvVar(variable.key(), variable.value(), false));
                continue;
            }
            Reference ref = reference.get();
            if (ref.kind() == Reference.Kind.SEALED) {
                env.add(new EnvVar(variable.key(), ref.key(), true));
                continue;
            }
            Optional<String> value = lookup(taskRun, ref, "variable " + variable.key(), problems);
            if (value.isPresent()) {
                env.add(ref.kind().isSecret()
                        ? new EnvVar(variable.key(), sealer.seal(value.get(), context), true)
                        : new EnvVar(variable.key(), value.get(), false));
            }
        }
        RegistryAuth auth = toResolve.registryAuth();
        RegistryAuth sealedAuth = null;
        if (auth != null) {
            Optional<Reference> reference = Reference.parse(auth.pass());
            Optional<String> pass = reference.isEmpty()
                    ? Optional.of(auth.pass())
                    : lookup(taskRun, reference.get(), "registry_auth.pass", problems);
            // The registry password is always sealed, whatever it was resolved from.
            sealedAuth = pass.map(p -> new RegistryAuth(auth.user(), sealer.seal(p, context))).orElse(null);
        }
        if (!problems.isEmpty()) {
            return new TaskRunFailed(taskRun, toResolve.attempt(), FailureReason.FAILED_PRECONDITION,
                    String.join("; ", problems), REPORTER);
        }
        return new TaskRunReady(taskRun, toResolve.attempt(), toResolve.image(), toResolve.entrypoint(),
                toResolve.command(), env, sealedAuth, toResolve.pullPolicy(), toResolve.controls());
    }

    /** The referenced value, or empty after adding a message (kind, key, where used; never a value). */
    private Optional<String> lookup(TaskRunRef taskRun, Reference ref, String usedBy, List<String> problems) {
        String ns = taskRun.namespaceId();
        String pipeline = taskRun.pipelineId();
        String key = ref.key();
        Optional<String> value;
        String missing;
        switch (ref.kind()) {
            case PIPELINE_SECRET -> {
                value = pipelineSecrets.reveal(ns, pipeline, key);
                missing = "pipeline secret '" + key + "' not found in " + ns + "/" + pipeline;
            }
            case GLOBAL_SECRET -> {
                Optional<GlobalSecretInfo> info = globalSecrets.get(key);
                if (info.isPresent() && !info.get().allows(ns)) {
                    problems.add("global secret '" + key + "' is not allowed in namespace '" + ns + "' (" + usedBy
                            + ")");
                    return Optional.empty();
                }
                value = info.isEmpty() ? Optional.empty() : globalSecrets.reveal(key);
                missing = "global secret '" + key + "' not found";
            }
            case PIPELINE_OBJECT -> {
                value = objects.content(ObjectScope.pipeline(ns, pipeline), key).map(ResolutionService::text);
                missing = "pipeline object '" + key + "' not found in " + ns + "/" + pipeline;
            }
            case RUN_OBJECT -> {
                value = objects.content(ObjectScope.run(ns, pipeline, taskRun.runId()), key)
                        .map(ResolutionService::text);
                missing = "run object '" + key + "' not found in " + ns + "/" + pipeline + " run " + taskRun.runId();
            }
            case SEALED -> {
                problems.add("a sealed value cannot be used as " + usedBy);
                return Optional.empty();
            }
            default -> throw new IllegalStateException("unknown reference kind " + ref.kind());
        }
        if (value.isEmpty()) {
            problems.add(missing + " (" + usedBy + ")");
        }
        return value;
    }

    /** Object bytes as text: invalid UTF-8 sequences become U+FFFD, like Gofer's lossy decoding. */
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
