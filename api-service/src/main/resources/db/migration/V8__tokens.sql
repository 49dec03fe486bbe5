-- Tokens and custom roles (issue 11). Only a token's SHA-256 (hex) is kept, never the token.
CREATE TABLE auth_bootstrap (
    id          INT PRIMARY KEY CHECK (id = 1),
    token_id    TEXT NOT NULL,
    created     BIGINT NOT NULL
);

CREATE TABLE roles (
    id          TEXT PRIMARY KEY,
    description TEXT NOT NULL,
    permissions TEXT NOT NULL,
    created     BIGINT NOT NULL,
    modified    BIGINT NOT NULL
);

CREATE TABLE tokens (
    id           TEXT PRIMARY KEY,
    hash         TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    user_name    TEXT NOT NULL,
    namespaces   TEXT NOT NULL,
    roles        TEXT NOT NULL,
    metadata     TEXT NOT NULL,
    created      BIGINT NOT NULL,
    expires      BIGINT NOT NULL,
    disabled     BOOLEAN NOT NULL,
    last_used    BIGINT NOT NULL,
    run_namespace TEXT,
    run_pipeline  TEXT,
    run_id        BIGINT
);
CREATE INDEX tokens_run ON tokens (run_namespace, run_pipeline, run_id) WHERE kind = 'run';
