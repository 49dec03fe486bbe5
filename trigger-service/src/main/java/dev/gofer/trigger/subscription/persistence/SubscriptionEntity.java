package dev.gofer.trigger.subscription.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code trigger.subscriptions}: one pipeline subscribed to one trigger kind under a user-chosen id. Never
 * leaves this service: REST and Kafka use their own records. Fields are read directly; they change through
 * {@link #subscribe}, {@link #fired} and {@link #broken}.
 */
@Entity
@Table(name = "subscriptions")
public class SubscriptionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "namespace_id", nullable = false, updatable = false)
    public String namespaceId;

    @Column(name = "pipeline_id", nullable = false, updatable = false)
    public String pipelineId;

    @Column(name = "trigger", nullable = false, updatable = false)
    public String trigger;

    @Column(name = "subscription_id", nullable = false, updatable = false)
    public String subscriptionId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "settings", nullable = false)
    public Map<String, String> settings = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "variables", nullable = false)
    public Map<String, String> variables = new HashMap<>();

    @Column(name = "status", nullable = false)
    public String status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "next_fire_at")
    public Instant nextFireAt;

    @Column(name = "last_fired_at")
    public Instant lastFiredAt;

    @Column(name = "fire_count", nullable = false)
    public long fireCount;

    @Column(name = "created", nullable = false, updatable = false)
    public Instant created;

    @Column(name = "modified", nullable = false)
    public Instant modified;

    /** A new subscription, in {@code status}, created at {@code now}; {@code nextFireAt} null for kinds not on a clock. */
    public static SubscriptionEntity subscribe(String namespaceId, String pipelineId, String trigger,
            String subscriptionId, Map<String, String> settings, Map<String, String> variables, String status,
            Instant now, Instant nextFireAt) {
        SubscriptionEntity e = new SubscriptionEntity();
        e.namespaceId = namespaceId;
        e.pipelineId = pipelineId;
        e.trigger = trigger;
        e.subscriptionId = subscriptionId;
        e.settings = new HashMap<>(settings);
        e.variables = new HashMap<>(variables);
        e.status = status;
        e.created = now;
        e.modified = now;
        e.nextFireAt = nextFireAt;
        return e;
    }

    /** It fired at {@code now}; it is due again at {@code nextFireAt}. */
    public void fired(Instant now, Instant nextFireAt) {
        this.nextFireAt = nextFireAt;
        this.lastFiredAt = now;
        this.fireCount++;
    }

    /** It cannot fire any more: {@code status} (an error) and why. */
    public void broken(String status, String reason, Instant now) {
        this.status = status;
        this.statusReason = reason;
        this.modified = now;
    }
}
