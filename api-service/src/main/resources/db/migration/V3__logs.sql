-- Task logs: lines belong to their task run (deleting a run, pipeline or namespace deletes its logs), and a user's
-- removal of an attempt's logs is remembered, so that a chunk arriving late (the logs consumer lags behind status)
-- cannot bring removed lines back.

-- NOT VALID: lines stored before this migration are not checked (there may be orphans); every new line is.
ALTER TABLE task_run_logs
    ADD CONSTRAINT task_run_logs_task_run FOREIGN KEY (namespace_id, pipeline_id, run_id, task_id)
        REFERENCES task_runs (namespace_id, pipeline_id, run_id, task_id) ON DELETE CASCADE NOT VALID;

CREATE TABLE task_run_log_removals (
    namespace_id TEXT    NOT NULL,
    pipeline_id  TEXT    NOT NULL,
    run_id       BIGINT  NOT NULL,
    task_id      TEXT    NOT NULL,
    attempt      INTEGER NOT NULL,
    removed      BIGINT  NOT NULL,
    PRIMARY KEY (namespace_id, pipeline_id, run_id, task_id, attempt),
    CONSTRAINT task_run_log_removals_task_run FOREIGN KEY (namespace_id, pipeline_id, run_id, task_id)
        REFERENCES task_runs (namespace_id, pipeline_id, run_id, task_id) ON DELETE CASCADE
);
