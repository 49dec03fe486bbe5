-- Reliability: attempts that retry, leases held by workers through heartbeats, queue timeouts.
-- Timestamps are epoch milliseconds (0 = not set).

-- retry_at:        a waiting task run's next attempt is dispatched at this time (backoff after a failed attempt).
-- queue_deadline:  a processing task run fails with queue_timeout if its container has not started by then.
-- lease_expires:   a running task run's worker must renew its lease (heartbeat) before this, or it is lost.
-- lease_renewed:   when the lease was last set or renewed (the worker's last sign of life for this attempt).
-- exit_retries:    attempts retried because of their exit code; worker_lost_retries: because their worker was lost.
ALTER TABLE task_runs ADD COLUMN retry_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE task_runs ADD COLUMN queue_deadline BIGINT NOT NULL DEFAULT 0;
ALTER TABLE task_runs ADD COLUMN lease_expires BIGINT NOT NULL DEFAULT 0;
ALTER TABLE task_runs ADD COLUMN lease_renewed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE task_runs ADD COLUMN exit_retries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE task_runs ADD COLUMN worker_lost_retries INTEGER NOT NULL DEFAULT 0;

-- Task runs that were running before leases existed get one minute for their worker's heartbeats to arrive.
UPDATE task_runs
SET lease_expires = (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT + 60000,
    lease_renewed = (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT
WHERE state = 'RUNNING';

-- The supervisor's sweep looks only at unfinished task runs.
CREATE INDEX task_runs_unfinished ON task_runs (state, run_pk) WHERE state <> 'COMPLETE';

-- Earlier attempts of a task run: one row per attempt that ended and was followed by another. The current attempt
-- is the task run itself.
CREATE TABLE task_run_attempts (
    id                 BIGSERIAL PRIMARY KEY,
    task_run_pk        BIGINT  NOT NULL REFERENCES task_runs (id) ON DELETE CASCADE,
    attempt            INTEGER NOT NULL,
    worker_id          TEXT,
    container_id       TEXT,
    exit_code          INTEGER,
    status             TEXT    NOT NULL,
    status_reason      TEXT,
    status_description TEXT,
    started            BIGINT  NOT NULL,
    ended              BIGINT  NOT NULL,
    log_lines          BIGINT,
    CONSTRAINT task_run_attempts_natural UNIQUE (task_run_pk, attempt)
);
