package dev.gofer.support.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route anyone may call without a token. Kept to the bare minimum (the one-time bootstrap, which refuses itself once
 * done); health probes and the OpenAPI document are not JAX-RS routes and are anonymous too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Anonymous {

    /** Why this route is open; shown in docs/security.md. */
    String value();
}
