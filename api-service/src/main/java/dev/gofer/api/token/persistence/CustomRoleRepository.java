package dev.gofer.api.token.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CustomRoleRepository implements PanacheRepositoryBase<CustomRole, String> {
}
