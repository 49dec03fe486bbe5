package dev.gofer.support.outbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Outbox rows: appended by state changes, claimed in id order by the relay, deleted once published. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxRow> {

    /**
     * Locks up to {@code limit} of the oldest rows no other transaction holds, for the rest of the caller's
     * transaction, so two instances of a service never publish the same row at the same time.
     */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OutboxRow> claimBatch(int limit) {
        return getEntityManager()
                .createNativeQuery("SELECT * FROM {h-schema}outbox ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED",
                        OutboxRow.class)
                .setParameter(1, limit).getResultList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteByIds(List<Long> ids) {
        if (!ids.isEmpty()) {
            delete("id in ?1", ids);
        }
    }
}
