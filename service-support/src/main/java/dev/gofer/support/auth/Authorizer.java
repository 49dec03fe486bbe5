package dev.gofer.support.auth;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one authorization check of every service, pure: given the route's rule, the request's {@code Authorization}
 * header, path and query parameters, and where tokens are found, it allows or refuses. Refusals never echo the
 * presented token.
 * <ul>
 * <li>401: no {@code Authorization: Bearer <token>}, a token nobody issued, an expired or a disabled one;</li>
 * <li>403: a valid token that may not do this: the route is admin-only, the route's namespace is not one of the
 * token's namespaces, no role grants the action on the resource, or a run-scoped token outside its run.</li>
 * </ul>
 * An admin passes every check. Roles add up: a route is allowed when any permission of any role covers it.
 */
public final class Authorizer {

    private Authorizer() {
    }

    /** The grant of a bearer token in {@code authorization}; empty with the 401 otherwise. */
    public static Result authenticate(String authorization, TokenDirectory directory, Instant now) {
        if (authorization == null || authorization.isBlank()) {
            return Result.refused(Decision.unauthenticated(
                    "this route needs a token: send Authorization: Bearer <token>"));
        }
        String header = authorization.trim();
        if (header.length() < 8 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Result.refused(Decision.unauthenticated(
                    "malformed Authorization header: expected Bearer <token>"));
        }
        String secret = header.substring(7).trim();
        if (secret.isEmpty() || secret.length() > 512 || secret.chars().anyMatch(Character::isWhitespace)) {
            return Result.refused(Decision.unauthenticated(
                    "malformed Authorization header: expected Bearer <token>"));
        }
        Optional<TokenGrant> grant = directory.byHash(TokenHash.of(secret));
        if (grant.isEmpty()) {
            return Result.refused(Decision.unauthenticated("unknown token"));
        }
        TokenGrant token = grant.get();
        if (token.disabled()) {
            return Result.refused(token, Decision.unauthenticated("token " + token.id() + " is disabled"));
        }
        if (token.expiredAt(now)) {
            return Result.refused(token, Decision.unauthenticated("token " + token.id() + " expired at "
                    + token.expires()));
        }
        return new Result(token, Decision.ALLOW);
    }

    /** Whether an authenticated token may call a route with this rule and these parameters. */
    public static Decision authorize(TokenGrant token, RouteRule rule, Map<String, String> path,
            Map<String, String> query) {
        if (rule instanceof RouteRule.Needs needs) {
            return needs(token, needs, path, query);
        }
        return rule instanceof RouteRule.Missing
                ? Decision.forbidden("this route has no permission rule")
                : Decision.ALLOW;
    }

    private static Decision needs(TokenGrant token, RouteRule.Needs needs, Map<String, String> path,
            Map<String, String> query) {
        if (token.admin()) {
            return Decision.ALLOW;
        }
        if (needs.adminOnly()) {
            return Decision.forbidden("only an admin token may " + verb(needs) + " " + needs.kind().wire());
        }
        String namespace = path.get("namespace_id");
        if (namespace != null && !Permission.anyMatches(token.namespaces(), namespace)) {
            return Decision.forbidden("token " + token.id() + " may not reach namespace '" + namespace + "'");
        }
        if (token.runScope() != null) {
            Decision scoped = withinRun(token, needs, path);
            if (!scoped.allowed()) {
                return scoped;
            }
        }
        String target = needs.kind().targetParameter().map(path::get).orElse(null);
        if (!granted(token, needs.kind(), target, needs.action())) {
            return Decision.forbidden("token " + token.id() + " lacks " + needs.kind().wire() + ": "
                    + needs.action().wire());
        }
        if (!needs.revealWhen().isEmpty() && "true".equalsIgnoreCase(query.get(needs.revealWhen()))
                && !granted(token, needs.kind(), target, Action.REVEAL)) {
            return Decision.forbidden("token " + token.id() + " lacks " + needs.kind().wire() + ": reveal");
        }
        return Decision.ALLOW;
    }

    /** A run-scoped token reaches its own run, and the pipeline's objects for reading; nothing else. */
    private static Decision withinRun(TokenGrant token, RouteRule.Needs needs, Map<String, String> path) {
        RunScope scope = token.runScope();
        boolean samePipeline = scope.namespaceId().equals(path.get("namespace_id"))
                && scope.pipelineId().equals(path.get("pipeline_id"));
        String run = path.get("run_id");
        boolean pipelineObjectRead = run == null && needs.kind() == ResourceKind.OBJECTS
                && needs.action() == Action.READ;
        if (!samePipeline || !(String.valueOf(scope.runId()).equals(run) || pipelineObjectRead)) {
            return Decision.forbidden("token " + token.id() + " is limited to run " + scope.runId() + " of "
                    + scope.namespaceId() + "/" + scope.pipelineId());
        }
        return Decision.ALLOW;
    }

    private static boolean granted(TokenGrant token, ResourceKind kind, String target, Action action) {
        return token.permissions().stream().anyMatch(p -> p.covers(kind, target, action));
    }

    private static String verb(RouteRule.Needs needs) {
        return switch (needs.action()) {
            case READ -> "read";
            case WRITE -> "change";
            case DELETE -> "delete";
            case REVEAL -> "reveal";
        };
    }

    /** A token (when one was found) and the decision about it. */
    public record Result(TokenGrant token, Decision decision) {

        static Result refused(Decision decision) {
            return new Result(null, decision);
        }

        static Result refused(TokenGrant token, Decision decision) {
            return new Result(token, decision);
        }
    }
}
