package dev.gofer.api.namespace.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A namespace: a named group of pipelines. Its id is chosen by the user. */
@Entity
@Table(name = "namespaces")
public class Namespace {

    @Id
    public String id;

    public String name;

    public String description;

    public long created;

    public long modified;
}
