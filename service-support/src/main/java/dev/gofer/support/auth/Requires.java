package dev.gofer.support.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a route needs: its resource kind and action. Every JAX-RS resource method of every service carries
 * exactly one of {@code @Requires}, {@link Authenticated} or {@link Anonymous}; one without any is refused to everyone
 * (and fails the route-matrix tests). A route with a {@code {namespace_id}} also needs a token whose namespaces admit
 * it. The rules are listed in {@code docs/security.md}, generated from these annotations.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {

    ResourceKind value();

    Action action();

    /** Only a token with the {@code admin} role may call it, whatever its other roles grant. */
    boolean adminOnly() default false;

    /**
     * A boolean query parameter that, when {@code true}, also needs {@link Action#REVEAL} on the resource
     * ({@code include_secret} on secrets).
     */
    String revealWhen() default "";
}
