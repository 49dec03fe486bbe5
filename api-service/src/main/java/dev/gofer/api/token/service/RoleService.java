package dev.gofer.api.token.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.gofer.api.ApiException;
import dev.gofer.api.event.service.DomainEvents;
import dev.gofer.api.token.persistence.CustomRole;
import dev.gofer.api.token.persistence.CustomRoleRepository;
import dev.gofer.api.token.persistence.TokenRepository;
import dev.gofer.events.AuditEvent;
import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Permission;
import dev.gofer.support.auth.TokenGrant;
import dev.gofer.support.problem.FieldError;

/**
 * Roles: the system ones ({@link SystemRoles}) and those an admin makes, each a list of permissions (resources ×
 * actions). Also turns a token's role ids into the permissions it has.
 */
@ApplicationScoped
public class RoleService {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{3,32}");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<Permission>> PERMISSIONS = new TypeReference<>() {
    };

    @Inject
    CustomRoleRepository roles;

    @Inject
    TokenRepository tokens;

    @Inject
    DomainEvents events;

    @Inject
    GrantPublisher grants;

    @Transactional
    public List<RoleView> list() {
        List<RoleView> all = new ArrayList<>(SystemRoles.all());
        roles.listAll().stream().sorted((a, b) -> a.id.compareTo(b.id)).map(RoleService::view).forEach(all::add);
        return all;
    }

    @Transactional
    public Optional<RoleView> get(String id) {
        return SystemRoles.find(id).or(() -> roles.findByIdOptional(id).map(RoleService::view));
    }

    @Transactional
    public RoleView create(TokenGrant caller, String id, String description, List<Permission> permissions) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "must be 3-32 characters of A-Z, a-z, 0-9, '-' and '_'"));
        }
        errors.addAll(problems(permissions));
        if (!errors.isEmpty()) {
            throw ApiException.invalid("Invalid role", errors);
        }
        if (SystemRoles.find(id).isPresent() || roles.findById(id) != null) {
            throw ApiException.conflict("role '" + id + "' exists");
        }
        CustomRole role = new CustomRole();
        role.id = id;
        role.description = description == null ? "" : description;
        role.permissions = write(permissions);
        role.created = System.currentTimeMillis();
        role.modified = 0;
        roles.persist(role);
        events.record(new AuditEvent(AuditEvent.ROLE_CREATED, caller.id(), caller.user(), id, role.permissions));
        return view(role);
    }

    @Transactional
    public RoleView update(TokenGrant caller, String id, String description, List<Permission> permissions) {
        if (SystemRoles.find(id).isPresent()) {
            throw ApiException.conflict("role '" + id + "' is a system role and cannot be changed");
        }
        CustomRole role = roles.findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("role '" + id + "' does not exist"));
        if (permissions != null) {
            List<FieldError> errors = problems(permissions);
            if (!errors.isEmpty()) {
                throw ApiException.invalid("Invalid role", errors);
            }
            role.permissions = write(permissions);
        }
        if (description != null) {
            role.description = description;
        }
        role.modified = System.currentTimeMillis();
        grants.roleChanged(id);
        events.record(new AuditEvent(AuditEvent.ROLE_UPDATED, caller.id(), caller.user(), id, role.permissions));
        return view(role);
    }

    @Transactional
    public void delete(TokenGrant caller, String id) {
        if (SystemRoles.find(id).isPresent()) {
            throw ApiException.conflict("role '" + id + "' is a system role and cannot be deleted");
        }
        if (roles.findById(id) == null) {
            throw ApiException.notFound("role '" + id + "' does not exist");
        }
        long holders = tokens.countWithRole(id);
        if (holders > 0) {
            throw ApiException.conflict("role '" + id + "' is held by " + holders + " token(s); delete or replace"
                    + " them first");
        }
        roles.deleteById(id);
        events.record(new AuditEvent(AuditEvent.ROLE_DELETED, caller.id(), caller.user(), id, ""));
    }

    /** The ids among {@code ids} that name no role a token may hold ({@code run} is for run tokens only). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> unknown(List<String> ids) {
        return ids.stream().filter(id -> id == null || SystemRoles.RUN.equals(id) || get(id).isEmpty()).toList();
    }

    /** The permissions of these roles together; a role deleted since is simply absent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Permission> permissionsOf(List<String> ids) {
        List<Permission> all = new ArrayList<>();
        for (String id : ids) {
            get(id).ifPresent(role -> all.addAll(role.permissions()));
        }
        return all;
    }

    static List<FieldError> problems(List<Permission> permissions) {
        List<FieldError> errors = new ArrayList<>();
        if (permissions == null || permissions.isEmpty()) {
            errors.add(new FieldError("permissions", "must list at least one permission"));
            return errors;
        }
        for (int i = 0; i < permissions.size(); i++) {
            Permission p = permissions.get(i);
            String at = "permissions[" + i + "]";
            if (p == null || p.resources().isEmpty()) {
                errors.add(new FieldError(at + ".resources", "must list at least one resource"));
                continue;
            }
            if (p.actions().isEmpty()) {
                errors.add(new FieldError(at + ".actions", "must list at least one of read, write, delete, reveal"));
            }
            for (int j = 0; j < p.resources().size(); j++) {
                String problem = Permission.problemWith(p.resources().get(j));
                if (problem != null) {
                    errors.add(new FieldError(at + ".resources[" + j + "]", problem));
                }
            }
            boolean secretsOnly = p.resources().stream()
                    .allMatch(r -> r.equals(Permission.ALL) || r.equals("secrets") || r.startsWith("secrets:"));
            if (p.actions().contains(Action.REVEAL) && !secretsOnly) {
                errors.add(new FieldError(at + ".actions", "reveal applies to secrets only"));
            }
        }
        return errors;
    }

    private static RoleView view(CustomRole role) {
        try {
            return new RoleView(role.id, role.description, MAPPER.readValue(role.permissions, PERMISSIONS), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable permissions of role " + role.id, e);
        }
    }

    private static String write(List<Permission> permissions) {
        try {
            return MAPPER.writeValueAsString(permissions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
