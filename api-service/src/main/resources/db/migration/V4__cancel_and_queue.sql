-- Cancellation: a running task run whose stop has been asked for; its exit is recorded as cancelled.
ALTER TABLE task_runs ADD COLUMN cancel_requested BOOLEAN NOT NULL DEFAULT FALSE;

-- Runs waiting for a parallelism slot are found oldest first.
CREATE INDEX runs_pending ON runs (namespace_id, pipeline_id, run_id) WHERE state = 'PENDING';
CREATE INDEX runs_running ON runs (namespace_id, pipeline_id) WHERE state = 'RUNNING';
