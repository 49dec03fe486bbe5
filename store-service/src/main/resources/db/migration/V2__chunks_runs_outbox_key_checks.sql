-- Issue 4: streamed objects (chunk rows), run tracking for run-object expiry, key checks for key rotation, outbox.

-- Object bytes move out of objects.content into chunk rows, so an object is written and read a chunk at a time and
-- never held whole in memory (by the service, the JDBC driver or the server). Existing objects become one chunk.
CREATE TABLE object_chunks (
    object_id  BIGINT  NOT NULL REFERENCES objects (id) ON DELETE CASCADE,
    -- 0, 1, 2, ... in the order of the bytes.
    seq        INTEGER NOT NULL CHECK (seq >= 0),
    data       BYTEA   NOT NULL,
    PRIMARY KEY (object_id, seq)
);

INSERT INTO object_chunks (object_id, seq, data)
SELECT id, 0, content FROM objects WHERE octet_length(content) > 0;

ALTER TABLE objects DROP COLUMN content;

-- Eviction picks the oldest pipeline object of a pipeline.
CREATE INDEX objects_by_age ON objects (namespace_id, pipeline_id, run_id, created, id);

-- Runs store-service has heard of on gofer.events (run.queued, run.completed), to expire run objects once a run is
-- complete and enough newer runs exist. Rows of expired runs older than every unexpired run are pruned.
CREATE TABLE known_runs (
    namespace_id    TEXT    NOT NULL,
    pipeline_id     TEXT    NOT NULL,
    run_id          BIGINT  NOT NULL CHECK (run_id >= 1),
    completed       BOOLEAN NOT NULL,
    objects_expired BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (namespace_id, pipeline_id, run_id)
);

-- One row per encryption key version: AES-256-GCM of a fixed canary under that key. A configured key that does not
-- open its version's canary is the wrong key, and the service refuses to start.
CREATE TABLE key_checks (
    key_version INTEGER     PRIMARY KEY CHECK (key_version >= 1),
    nonce       BYTEA       NOT NULL,
    ciphertext  BYTEA       NOT NULL,
    created     TIMESTAMPTZ NOT NULL
);

-- Transactional outbox: domain events written with the state change, published by the relay after commit, then
-- deleted.
CREATE TABLE outbox (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic      TEXT   NOT NULL,
    record_key TEXT   NOT NULL,
    event_id   TEXT   NOT NULL,
    envelope   BYTEA  NOT NULL,
    created    BIGINT NOT NULL
);
