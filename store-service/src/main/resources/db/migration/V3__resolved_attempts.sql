-- Issue 5: the task-run attempts store-service has resolved and published (task-run.ready or task-run.failed). A
-- task-run.to-resolve record delivered again (a restart re-reads the records after the last committed offset) finds
-- its attempt here and publishes nothing, so a worker never gets a second task-run.ready for an attempt that may
-- have run and gone already. Rows are pruned after gofer.store.resolved-attempt-retention.
CREATE TABLE resolved_attempts (
    namespace_id TEXT    NOT NULL,
    pipeline_id  TEXT    NOT NULL,
    run_id       BIGINT  NOT NULL CHECK (run_id >= 1),
    task_id      TEXT    NOT NULL,
    attempt      INTEGER NOT NULL CHECK (attempt >= 1),
    -- The event type published: task-run.ready or task-run.failed.
    outcome      TEXT    NOT NULL,
    -- Epoch milliseconds.
    published    BIGINT  NOT NULL,
    PRIMARY KEY (namespace_id, pipeline_id, run_id, task_id, attempt)
);

CREATE INDEX resolved_attempts_by_age ON resolved_attempts (published);
