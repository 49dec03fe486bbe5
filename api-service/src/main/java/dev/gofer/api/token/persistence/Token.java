package dev.gofer.api.token.persistence;

import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A token: who it is for, what it may reach, and the SHA-256 of its secret (the secret itself is shown once, when it
 * is made, and kept nowhere). {@code expires} 0 is never; a run-scoped token ({@code kind = run}) names its run.
 */
@Entity
@Table(name = "tokens")
public class Token {

    public static final String BOOTSTRAP = "bootstrap";
    public static final String USER = "user";
    public static final String RUN = "run";

    @Id
    public String id;

    public String hash;

    public String kind;

    @Column(name = "user_name")
    public String user;

    @Convert(converter = JsonText.Strings.class)
    public List<String> namespaces;

    @Convert(converter = JsonText.Strings.class)
    public List<String> roles;

    @Convert(converter = JsonText.StringMap.class)
    public Map<String, String> metadata;

    public long created;

    public long expires;

    public boolean disabled;

    @Column(name = "last_used")
    public long lastUsed;

    @Column(name = "run_namespace")
    public String runNamespace;

    @Column(name = "run_pipeline")
    public String runPipeline;

    @Column(name = "run_id")
    public Long runId;
}
