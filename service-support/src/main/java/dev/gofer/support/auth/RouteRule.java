package dev.gofer.support.auth;

import java.lang.reflect.Method;

/**
 * The rule of one route, read from its resource method's annotation: {@link Requires}, {@link Authenticated},
 * {@link Anonymous}, or none (then everyone is refused: a route nobody gave a rule is a closed door, not an open one).
 */
public sealed interface RouteRule {

    record Needs(ResourceKind kind, Action action, boolean adminOnly, String revealWhen) implements RouteRule {
    }

    record AnyToken() implements RouteRule {
    }

    record Open(String reason) implements RouteRule {
    }

    record Missing() implements RouteRule {
    }

    static RouteRule of(Method method) {
        Requires requires = method.getAnnotation(Requires.class);
        Authenticated authenticated = method.getAnnotation(Authenticated.class);
        Anonymous anonymous = method.getAnnotation(Anonymous.class);
        int count = (requires == null ? 0 : 1) + (authenticated == null ? 0 : 1) + (anonymous == null ? 0 : 1);
        if (count != 1) {
            return new Missing();
        }
        if (requires != null) {
            return new Needs(requires.value(), requires.action(), requires.adminOnly(), requires.revealWhen());
        }
        return authenticated != null ? new AnyToken() : new Open(anonymous.value());
    }

    /** The rule as docs/security.md shows it. */
    default String describe() {
        if (this instanceof Needs n) {
            return (n.adminOnly() ? "admin only (" : "") + n.kind().wire() + ": " + n.action().wire()
                    + (n.adminOnly() ? ")" : "")
                    + (n.revealWhen().isEmpty()
                            ? ""
                            : "; with `" + n.revealWhen() + "=true` also "
                                    + n.kind().wire() + ": reveal");
        }
        if (this instanceof Open o) {
            return "anonymous (" + o.reason() + ")";
        }
        return this instanceof AnyToken ? "any valid token" : "NO RULE (refused to everyone)";
    }
}
