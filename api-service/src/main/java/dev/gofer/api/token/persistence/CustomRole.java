package dev.gofer.api.token.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A role an admin made: its permissions as JSON ({@code [{"resources": [...], "actions": [...]}]}). */
@Entity
@Table(name = "roles")
public class CustomRole {

    @Id
    public String id;

    public String description;

    public String permissions;

    public long created;

    public long modified;
}
