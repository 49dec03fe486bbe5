-- api-service schema: pipelines and their config versions, runs, task runs, task logs, consumer dedupe, outbox.
-- Timestamps are epoch milliseconds (0 = not set), as in Gofer's API.

CREATE TABLE pipelines (
    id           BIGSERIAL PRIMARY KEY,
    namespace_id TEXT   NOT NULL,
    pipeline_id  TEXT   NOT NULL,
    state        TEXT   NOT NULL,
    created      BIGINT NOT NULL,
    modified     BIGINT NOT NULL,
    CONSTRAINT pipelines_natural UNIQUE (namespace_id, pipeline_id)
);

CREATE TABLE pipeline_configs (
    id           BIGSERIAL PRIMARY KEY,
    namespace_id TEXT    NOT NULL,
    pipeline_id  TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    name         TEXT    NOT NULL,
    description  TEXT    NOT NULL,
    parallelism  BIGINT  NOT NULL,
    state        TEXT    NOT NULL,
    registered   BIGINT  NOT NULL,
    deprecated   BIGINT  NOT NULL,
    tasks        TEXT    NOT NULL,
    CONSTRAINT pipeline_configs_natural UNIQUE (namespace_id, pipeline_id, version),
    CONSTRAINT pipeline_configs_pipeline FOREIGN KEY (namespace_id, pipeline_id)
        REFERENCES pipelines (namespace_id, pipeline_id) ON DELETE CASCADE
);

CREATE TABLE runs (
    id                 BIGSERIAL PRIMARY KEY,
    namespace_id       TEXT    NOT NULL,
    pipeline_id        TEXT    NOT NULL,
    run_id             BIGINT  NOT NULL,
    config_version     INTEGER NOT NULL,
    state              TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    status_reason      TEXT,
    status_description TEXT,
    started            BIGINT  NOT NULL,
    ended              BIGINT  NOT NULL,
    initiator_kind     TEXT    NOT NULL,
    initiator_name     TEXT    NOT NULL,
    variables          TEXT    NOT NULL,
    request_id         TEXT    NOT NULL,
    CONSTRAINT runs_natural UNIQUE (namespace_id, pipeline_id, run_id),
    CONSTRAINT runs_request UNIQUE (request_id),
    CONSTRAINT runs_pipeline FOREIGN KEY (namespace_id, pipeline_id)
        REFERENCES pipelines (namespace_id, pipeline_id) ON DELETE CASCADE
);

CREATE TABLE task_runs (
    id                 BIGSERIAL PRIMARY KEY,
    run_pk             BIGINT  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    namespace_id       TEXT    NOT NULL,
    pipeline_id        TEXT    NOT NULL,
    run_id             BIGINT  NOT NULL,
    task_id            TEXT    NOT NULL,
    attempt            INTEGER NOT NULL,
    image              TEXT    NOT NULL,
    task               TEXT    NOT NULL,
    state              TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    status_reason      TEXT,
    status_description TEXT,
    exit_code          INTEGER,
    created            BIGINT  NOT NULL,
    started            BIGINT  NOT NULL,
    ended              BIGINT  NOT NULL,
    worker_id          TEXT,
    container_id       TEXT,
    variables          TEXT    NOT NULL,
    log_lines_expected BIGINT,
    CONSTRAINT task_runs_natural UNIQUE (namespace_id, pipeline_id, run_id, task_id)
);

CREATE TABLE task_run_logs (
    namespace_id TEXT    NOT NULL,
    pipeline_id  TEXT    NOT NULL,
    run_id       BIGINT  NOT NULL,
    task_id      TEXT    NOT NULL,
    attempt      INTEGER NOT NULL,
    seq          BIGINT  NOT NULL,
    stream       TEXT    NOT NULL,
    line         TEXT    NOT NULL,
    emitted      BIGINT  NOT NULL,
    PRIMARY KEY (namespace_id, pipeline_id, run_id, task_id, attempt, seq)
);

-- Ids of consumed events, so a redelivered record changes nothing.
CREATE TABLE processed_events (
    event_id  TEXT PRIMARY KEY,
    processed BIGINT NOT NULL
);

-- Transactional outbox: rows written with the state change, published by the relay after commit, then deleted.
CREATE TABLE outbox (
    id         BIGSERIAL PRIMARY KEY,
    topic      TEXT   NOT NULL,
    record_key TEXT   NOT NULL,
    event_id   TEXT   NOT NULL,
    envelope   BYTEA  NOT NULL,
    created    BIGINT NOT NULL
);
