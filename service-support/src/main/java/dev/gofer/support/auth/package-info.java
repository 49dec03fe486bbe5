/**
 * Tokens and their checks, the same in every service: the route rules ({@link dev.gofer.support.auth.Requires},
 * {@link dev.gofer.support.auth.Authenticated}, {@link dev.gofer.support.auth.Anonymous}), the pure
 * {@link dev.gofer.support.auth.Authorizer}, and the request filter that applies it before any resource method. Where
 * tokens are found is each service's {@link dev.gofer.support.auth.TokenDirectory}.
 */
package dev.gofer.support.auth;
