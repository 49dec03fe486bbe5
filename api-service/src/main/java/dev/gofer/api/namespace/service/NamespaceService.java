package dev.gofer.api.namespace.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.gofer.api.ApiException;
import dev.gofer.api.event.service.DomainEvents;
import dev.gofer.api.namespace.persistence.Namespace;
import dev.gofer.api.namespace.persistence.NamespaceRepository;
import dev.gofer.events.NamespaceChanged;
import dev.gofer.events.PipelineChanged;
import dev.gofer.support.problem.FieldError;

/**
 * Creates, changes and deletes namespaces. Deleting one deletes its pipelines with their configs, deployments and
 * runs; it is refused while any of those runs is unfinished, and always for {@code default}.
 */
@ApplicationScoped
public class NamespaceService {

    public static final String DEFAULT_ID = "default";
    static final String DEFAULT_NAME = "Default";
    static final String DEFAULT_DESCRIPTION = "The original namespace created automatically by the Gofer system.";

    /** Namespace ids: 3-32 characters of letters, digits, hyphen and underscore (as pipeline ids). */
    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z0-9_-]{3,32}$");

    private static final Logger LOG = Logger.getLogger(NamespaceService.class);

    @Inject
    NamespaceRepository namespaces;

    @Inject
    DomainEvents events;

    @Transactional
    public List<NamespaceView> list() {
        return namespaces.listAllById().stream().map(NamespaceView::from).toList();
    }

    @Transactional
    public Optional<NamespaceView> get(String id) {
        return namespaces.findByIdOptional(id).map(NamespaceView::from);
    }

    /** A new namespace; a missing name defaults to the id, a missing description to "". */
    @Transactional
    public NamespaceView create(String id, String name, String description) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !IDENTIFIER.matcher(id).matches()) {
            errors.add(new FieldError("id", "must be 3-32 characters of A-Z, a-z, 0-9, '-' and '_'"));
        }
        if (name != null && name.isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("Invalid namespace", errors);
        }
        long now = System.currentTimeMillis();
        if (!namespaces.insertIfAbsent(id, name == null ? id : name, description == null ? "" : description, now)) {
            throw ApiException.conflict("namespace '" + id + "' already exists");
        }
        events.record(new NamespaceChanged(NamespaceChanged.CREATED, id));
        LOG.infof("namespace %s created", id);
        return NamespaceView.from(namespaces.findById(id));
    }

    /** Changes the name and/or description; a null field is left as it is. */
    @Transactional
    public NamespaceView update(String id, String name, String description) {
        if (name != null && name.isBlank()) {
            throw ApiException.invalid("Invalid namespace", List.of(new FieldError("name", "must not be blank")));
        }
        Namespace namespace = namespaces.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (name != null) {
            namespace.name = name;
        }
        if (description != null) {
            namespace.description = description;
        }
        namespace.modified = System.currentTimeMillis();
        events.record(new NamespaceChanged(NamespaceChanged.UPDATED, id));
        return NamespaceView.from(namespace);
    }

    /**
     * Deletes the namespace and everything in it. The namespace and all its pipelines are locked first, so no
     * pipeline can be registered into it and no run of it can start while the check for unfinished runs holds.
     */
    /** {@code byTokenId} and {@code byUser} name who asked, in the {@code namespace.deleted} event. */
    @Transactional
    public void delete(String id, String byTokenId, String byUser) {
        if (DEFAULT_ID.equals(id)) {
            throw new ApiException(400, "Namespace cannot be deleted",
                    "the default namespace cannot be deleted");
        }
        namespaces.findForUpdate(id).orElseThrow(() -> notFound(id));
        List<String> pipelines = namespaces.lockPipelines(id);
        long unfinished = namespaces.countUnfinishedRuns(id);
        if (unfinished > 0) {
            throw ApiException.conflict("namespace '" + id + "' has " + unfinished
                    + " unfinished run(s); cancel them or wait for them to complete");
        }
        namespaces.deleteCascading(id);
        pipelines.forEach(p -> events.record(new PipelineChanged(PipelineChanged.DELETED, id, p, null)));
        events.record(new NamespaceChanged(NamespaceChanged.DELETED, id, byTokenId, byUser));
        LOG.infof("namespace %s deleted with its pipelines by token %s (%s)", id, byTokenId, byUser);
    }

    /** Creates the default namespace unless it exists; safe when several instances start at once. */
    @Transactional
    public void ensureDefault() {
        if (namespaces.insertIfAbsent(DEFAULT_ID, DEFAULT_NAME, DEFAULT_DESCRIPTION, System.currentTimeMillis())) {
            events.record(new NamespaceChanged(NamespaceChanged.CREATED, DEFAULT_ID));
            LOG.info("default namespace created");
        }
    }

    /**
     * Fails with 404 unless the namespace exists, and keeps it from being deleted until the caller's transaction
     * ends. For use inside a transaction that adds something to the namespace.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireExisting(String id) {
        namespaces.findForShare(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public boolean exists(String id) {
        return namespaces.findByIdOptional(id).isPresent();
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("namespace '" + id + "' does not exist");
    }
}
