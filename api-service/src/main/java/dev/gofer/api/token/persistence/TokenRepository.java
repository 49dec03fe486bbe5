package dev.gofer.api.token.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TokenRepository implements PanacheRepositoryBase<Token, String> {

    public Optional<Token> findByHash(String hash) {
        return find("hash", hash).firstResultOptional();
    }

    /** Every token but run-scoped ones, oldest first. */
    public List<Token> listIssued() {
        return list("kind <> ?1 order by created, id", Token.RUN);
    }

    public List<Token> listHolding(String roleId) {
        return list("id in ?1", ids(roleId));
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(String roleId) {
        return getEntityManager()
                .createNativeQuery("SELECT id FROM tokens WHERE roles::jsonb @> jsonb_build_array(CAST(?1 AS text))",
                        String.class)
                .setParameter(1, roleId).getResultList();
    }

    /** The run-scoped tokens of one run. */
    public List<Token> listOfRun(String namespaceId, String pipelineId, long runId) {
        return list("kind = ?1 and runNamespace = ?2 and runPipeline = ?3 and runId = ?4", Token.RUN, namespaceId,
                pipelineId, runId);
    }

    public long countWithRole(String roleId) {
        return ((Number) getEntityManager()
                .createNativeQuery(
                        "SELECT count(*) FROM tokens WHERE roles::jsonb @> jsonb_build_array(CAST(?1 AS text))")
                .setParameter(1, roleId).getSingleResult()).longValue();
    }

    /** Marks the token used now, at most once a minute (a write per request would be a write per request). */
    public void touch(String id, long now) {
        getEntityManager().createNativeQuery("UPDATE tokens SET last_used = ?2 WHERE id = ?1 AND last_used < ?3")
                .setParameter(1, id).setParameter(2, now).setParameter(3, now - 60_000).executeUpdate();
    }

    /**
     * Claims the one-time bootstrap for {@code tokenId}; false when it was claimed before (by this or another
     * instance: the row's primary key decides).
     */
    public boolean claimBootstrap(String tokenId, long now) {
        return getEntityManager().createNativeQuery("INSERT INTO auth_bootstrap (id, token_id, created)"
                + " VALUES (1, ?1, ?2) ON CONFLICT (id) DO NOTHING").setParameter(1, tokenId).setParameter(2, now)
                .executeUpdate() == 1;
    }
}
