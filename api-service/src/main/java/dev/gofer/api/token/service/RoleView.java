package dev.gofer.api.token.service;

import java.util.List;

import dev.gofer.support.auth.Permission;

/** A role as the API shows it: system roles are defined in code and cannot be changed. */
public record RoleView(String id, String description, List<Permission> permissions, boolean systemRole) {
}
