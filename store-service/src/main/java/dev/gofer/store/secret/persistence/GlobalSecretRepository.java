package dev.gofer.store.secret.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/** Global secrets by key. */
@ApplicationScoped
public class GlobalSecretRepository implements PanacheRepository<GlobalSecret> {

    public List<GlobalSecret> listAll() {
        return listAll(Sort.by("secretKey"));
    }

    public Optional<GlobalSecret> findByKey(String key) {
        return find("secretKey", key).firstResultOptional();
    }

    public boolean deleteByKey(String key) {
        return delete("secretKey", key) > 0;
    }
}
