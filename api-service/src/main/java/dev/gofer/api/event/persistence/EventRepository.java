package dev.gofer.api.event.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class EventRepository implements PanacheRepository<EventRecord> {

    /** Up to {@code limit} events with an id above {@code afterId}, oldest first. */
    public List<EventRecord> after(long afterId, int limit) {
        return find("id > ?1 order by id", afterId).page(0, limit).list();
    }

    /** The id just before the first event emitted at or after the time (epoch ms). */
    public long idBefore(long emittedAtOrAfter) {
        Long first = getEntityManager()
                .createQuery("select min(e.id) from EventRecord e where e.emitted >= ?1", Long.class)
                .setParameter(1, emittedAtOrAfter).getSingleResult();
        if (first != null) {
            return first - 1;
        }
        Long last = getEntityManager().createQuery("select max(e.id) from EventRecord e", Long.class)
                .getSingleResult();
        return last == null ? 0 : last;
    }
}
