package dev.gofer.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The one check every service applies: who the token is (401) and whether it may (403). */
class AuthorizerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final RouteRule.Needs READ_SECRETS = new RouteRule.Needs(ResourceKind.SECRETS, Action.READ, false,
            "include_secret");
    private static final RouteRule.Needs WRITE_RUNS = new RouteRule.Needs(ResourceKind.RUNS, Action.WRITE, false, "");
    private static final Map<String, String> IN_DEFAULT = Map.of("namespace_id", "default", "pipeline_id", "p",
            "key", "k");

    private static TokenGrant grant(List<String> namespaces, List<Permission> permissions) {
        return new TokenGrant("t1", "alice", namespaces, List.of("custom"), false, permissions, null, false, null);
    }

    private static TokenDirectory holding(String secret, TokenGrant grant) {
        return hash -> hash.equals(TokenHash.of(secret)) ? Optional.of(grant) : Optional.empty();
    }

    @Test
    void shouldRefuseWith401WhenHeaderIsMissingMalformedOrTokenUnknown() {
        TokenDirectory directory = holding("s3cret", grant(List.of(".*"), List.of()));

        assertThat(Authorizer.authenticate(null, directory, NOW).decision().status()).isEqualTo(401);
        assertThat(Authorizer.authenticate("Basic czNjcmV0", directory, NOW).decision().detail())
                .startsWith("malformed");
        assertThat(Authorizer.authenticate("Bearer two words", directory, NOW).decision().status()).isEqualTo(401);
        assertThat(Authorizer.authenticate("Bearer other", directory, NOW).decision().detail())
                .isEqualTo("unknown token");
        assertThat(Authorizer.authenticate("bearer  s3cret ", directory, NOW).decision().allowed()).isTrue();
    }

    @Test
    void shouldRefuseWith401WhenTokenIsDisabledOrExpired() {
        TokenGrant disabled = new TokenGrant("t2", "bob", List.of(".*"), List.of(), true, List.of(), null, true,
                null);
        TokenGrant expired = new TokenGrant("t3", "eve", List.of(".*"), List.of(), true, List.of(),
                NOW.minusSeconds(1), false, null);

        Decision off = Authorizer.authenticate("Bearer a", holding("a", disabled), NOW).decision();
        Decision old = Authorizer.authenticate("Bearer b", holding("b", expired), NOW).decision();

        assertThat(off.status()).isEqualTo(401);
        assertThat(off.detail()).isEqualTo("token t2 is disabled").doesNotContain("Bearer");
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.detail()).startsWith("token t3 expired at");
    }

    @Test
    void shouldRefuseWith403OutsideTheTokensNamespacesWhateverItsRoles() {
        TokenGrant token = grant(List.of("team-.*"), List.of(new Permission(List.of("all"), List.of(Action.READ))));

        Decision inside = Authorizer.authorize(token, READ_SECRETS, Map.of("namespace_id", "team-a"), Map.of());
        Decision outside = Authorizer.authorize(token, READ_SECRETS, IN_DEFAULT, Map.of());
        // Anchored: "team-.*" does not admit "my-team-a".
        Decision unanchored = Authorizer.authorize(token, READ_SECRETS, Map.of("namespace_id", "my-team-a"),
                Map.of());

        assertThat(inside.allowed()).isTrue();
        assertThat(outside.status()).isEqualTo(403);
        assertThat(unanchored.status()).isEqualTo(403);
    }

    @Test
    void shouldNeedRevealOnTopOfReadWhenSecretValueIsAsked() {
        TokenGrant reader = grant(List.of(".*"), List.of(new Permission(List.of("secrets"), List.of(Action.READ))));
        TokenGrant revealer = grant(List.of(".*"),
                List.of(new Permission(List.of("secrets"), List.of(Action.READ, Action.REVEAL))));

        assertThat(Authorizer.authorize(reader, READ_SECRETS, IN_DEFAULT, Map.of()).allowed()).isTrue();
        assertThat(Authorizer.authorize(reader, READ_SECRETS, IN_DEFAULT, Map.of("include_secret", "true"))
                .detail()).isEqualTo("token t1 lacks secrets: reveal");
        assertThat(Authorizer.authorize(revealer, READ_SECRETS, IN_DEFAULT, Map.of("include_secret", "true"))
                .allowed()).isTrue();
    }

    @Test
    void shouldCoverOnlyNamedInstancesWhenPermissionHasAPattern() {
        TokenGrant deployer = grant(List.of(".*"),
                List.of(new Permission(List.of("pipelines:deploy-.*"), List.of(Action.READ))));
        RouteRule.Needs readPipelines = new RouteRule.Needs(ResourceKind.PIPELINES, Action.READ, false, "");

        assertThat(Authorizer.authorize(deployer, readPipelines, Map.of("pipeline_id", "deploy-web"), Map.of())
                .allowed()).isTrue();
        assertThat(Authorizer.authorize(deployer, readPipelines, Map.of("pipeline_id", "web"), Map.of()).status())
                .isEqualTo(403);
        assertThat(Authorizer.authorize(deployer, readPipelines, Map.of(), Map.of()).status()).isEqualTo(403);
    }

    @Test
    void shouldKeepRunTokenInsideItsRunAndLetItReadPipelineObjects() {
        TokenGrant run = new TokenGrant("r1", "run default/p/7", List.of("default"), List.of("run"), false,
                List.of(new Permission(List.of("runs", "task_runs"), List.of(Action.READ)),
                        new Permission(List.of("objects"), List.of(Action.READ, Action.WRITE))),
                null, false, new RunScope("default", "p", 7));
        RouteRule.Needs readRuns = new RouteRule.Needs(ResourceKind.RUNS, Action.READ, false, "");
        RouteRule.Needs readObjects = new RouteRule.Needs(ResourceKind.OBJECTS, Action.READ, false, "");
        RouteRule.Needs writeObjects = new RouteRule.Needs(ResourceKind.OBJECTS, Action.WRITE, false, "");
        Map<String, String> ownRun = Map.of("namespace_id", "default", "pipeline_id", "p", "run_id", "7");
        Map<String, String> pipeline = Map.of("namespace_id", "default", "pipeline_id", "p");

        assertThat(Authorizer.authorize(run, readRuns, ownRun, Map.of()).allowed()).isTrue();
        assertThat(Authorizer.authorize(run, writeObjects, ownRun, Map.of()).allowed()).isTrue();
        assertThat(Authorizer.authorize(run, readObjects, pipeline, Map.of()).allowed()).isTrue();
        assertThat(Authorizer.authorize(run, writeObjects, pipeline, Map.of()).status()).isEqualTo(403);
        assertThat(Authorizer.authorize(run, readRuns, pipeline, Map.of()).status()).isEqualTo(403);
        assertThat(Authorizer.authorize(run, readRuns, Map.of("namespace_id", "default", "pipeline_id", "p",
                "run_id", "8"), Map.of()).detail()).isEqualTo("token r1 is limited to run 7 of default/p");
        assertThat(Authorizer.authorize(run, WRITE_RUNS, ownRun, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void shouldLetAdminPassAndRefuseOthersOnAdminOnlyRoutesAndEveryoneOnRoutesWithoutRule() {
        TokenGrant admin = new TokenGrant("a1", "root", List.of(".*"), List.of("admin"), true, List.of(), null, false,
                null);
        TokenGrant everything = grant(List.of(".*"),
                List.of(new Permission(List.of("all"), List.of(Action.values()))));
        RouteRule.Needs createToken = new RouteRule.Needs(ResourceKind.TOKENS, Action.WRITE, true, "");

        assertThat(Authorizer.authorize(admin, createToken, Map.of(), Map.of()).allowed()).isTrue();
        assertThat(Authorizer.authorize(everything, createToken, Map.of(), Map.of()).status()).isEqualTo(403);
        assertThat(Authorizer.authorize(admin, new RouteRule.Missing(), Map.of(), Map.of()).status()).isEqualTo(403);
    }
}
