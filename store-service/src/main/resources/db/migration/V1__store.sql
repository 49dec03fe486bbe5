-- store-service schema: secrets (ciphertext only) and objects (raw bytes).

CREATE TABLE pipeline_secrets (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    namespace_id  TEXT        NOT NULL,
    pipeline_id   TEXT        NOT NULL,
    key           TEXT        NOT NULL,
    -- AES-256-GCM: 12-byte nonce; ciphertext includes the 16-byte tag; associated data 'ns/pipeline/key'.
    nonce         BYTEA       NOT NULL,
    ciphertext    BYTEA       NOT NULL,
    -- Which encryption key sealed the value, so keys can be rotated later.
    key_version   INTEGER     NOT NULL,
    created       TIMESTAMPTZ NOT NULL,
    CONSTRAINT pipeline_secrets_natural_key UNIQUE (namespace_id, pipeline_id, key)
);

CREATE TABLE global_secrets (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key           TEXT        NOT NULL,
    -- Anchored regular expressions; the secret may be used only in a namespace matching one of them.
    namespaces    TEXT[]      NOT NULL,
    -- AES-256-GCM as above; associated data 'global/key'.
    nonce         BYTEA       NOT NULL,
    ciphertext    BYTEA       NOT NULL,
    key_version   INTEGER     NOT NULL,
    created       TIMESTAMPTZ NOT NULL,
    CONSTRAINT global_secrets_natural_key UNIQUE (key)
);

CREATE TABLE objects (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    namespace_id  TEXT        NOT NULL,
    pipeline_id   TEXT        NOT NULL,
    -- 0 for a pipeline object, the run id (>= 1) for a run object.
    run_id        BIGINT      NOT NULL CHECK (run_id >= 0),
    key           TEXT        NOT NULL,
    content       BYTEA       NOT NULL,
    size          BIGINT      NOT NULL,
    created       TIMESTAMPTZ NOT NULL,
    CONSTRAINT objects_natural_key UNIQUE (namespace_id, pipeline_id, run_id, key)
);
