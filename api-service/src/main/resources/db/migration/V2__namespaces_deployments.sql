-- Namespaces own pipelines; deployments record each promotion of a config version to live.
-- Timestamps are epoch milliseconds (0 = not set).

CREATE TABLE namespaces (
    id          TEXT PRIMARY KEY,
    name        TEXT   NOT NULL,
    description TEXT   NOT NULL,
    created     BIGINT NOT NULL,
    modified    BIGINT NOT NULL
);

-- The default namespace (api-service also makes sure of it at every start), then one namespace for every namespace
-- id pipelines were registered under before namespaces existed, so the foreign key below holds for old data.
INSERT INTO namespaces (id, name, description, created, modified)
VALUES ('default', 'Default', 'The original namespace created automatically by the Gofer system.',
        (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, 0)
ON CONFLICT (id) DO NOTHING;

INSERT INTO namespaces (id, name, description, created, modified)
SELECT DISTINCT namespace_id, namespace_id, '', (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, 0
FROM pipelines
ON CONFLICT (id) DO NOTHING;

-- Deleting a namespace deletes its pipelines, and with them their configs, runs, task runs and deployments.
ALTER TABLE pipelines
    ADD CONSTRAINT pipelines_namespace FOREIGN KEY (namespace_id) REFERENCES namespaces (id) ON DELETE CASCADE;

CREATE TABLE deployments (
    id                 BIGSERIAL PRIMARY KEY,
    namespace_id       TEXT    NOT NULL,
    pipeline_id        TEXT    NOT NULL,
    deployment_id      BIGINT  NOT NULL,
    start_version      INTEGER NOT NULL,
    end_version        INTEGER NOT NULL,
    started            BIGINT  NOT NULL,
    ended              BIGINT  NOT NULL,
    state              TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    status_reason      TEXT,
    status_description TEXT,
    CONSTRAINT deployments_natural UNIQUE (namespace_id, pipeline_id, deployment_id),
    CONSTRAINT deployments_pipeline FOREIGN KEY (namespace_id, pipeline_id)
        REFERENCES pipelines (namespace_id, pipeline_id) ON DELETE CASCADE
);

-- At most one running deployment per pipeline, whatever the instance: the database refuses a second one.
CREATE UNIQUE INDEX deployments_one_running ON deployments (namespace_id, pipeline_id) WHERE state = 'RUNNING';
