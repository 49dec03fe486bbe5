-- Public domain events, in commit order, for the /api/events stream (history + live tail). The same events go to
-- the Kafka topic gofer.events through the outbox.
CREATE TABLE events (
    id         BIGSERIAL PRIMARY KEY,
    event_id   TEXT   NOT NULL UNIQUE,
    type       TEXT   NOT NULL,
    record_key TEXT   NOT NULL,
    emitted    BIGINT NOT NULL,
    payload    TEXT   NOT NULL
);
CREATE INDEX events_emitted ON events (emitted);
