package dev.gofer.api.event.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One recorded domain event; {@code id} orders the stream, {@code payload} is the envelope's payload JSON. */
@Entity
@Table(name = "events")
public class EventRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    public String type;

    @Column(name = "record_key")
    public String recordKey;

    public long emitted;

    public String payload;
}
