package dev.gofer.support.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event waiting to be published: the encoded envelope and the topic it goes to. */
@Entity
@Table(name = "outbox")
public class OutboxRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "topic", nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "envelope", nullable = false)
    public byte[] envelope;

    @Column(name = "created", nullable = false)
    public long created;
}
