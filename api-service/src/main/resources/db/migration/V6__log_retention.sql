-- Log retention: the logs of a run expire once it is complete and enough newer runs of its pipeline exist.
-- A removal is remembered with its cause, so that a task run can say whether a user removed its logs or they expired.
ALTER TABLE task_run_log_removals ADD COLUMN reason TEXT NOT NULL DEFAULT 'user';
ALTER TABLE runs ADD COLUMN logs_expired BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX runs_logs_unexpired ON runs (namespace_id, pipeline_id, run_id) WHERE state = 'COMPLETE' AND NOT logs_expired;
