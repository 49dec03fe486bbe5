package dev.gofer.support.auth;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.gofer.support.problem.Problem;
import dev.gofer.support.problem.ProblemException;

/**
 * Checks every JAX-RS request of the service against its route's rule ({@link RouteRule}) before the resource method
 * runs: 401 without a valid token, 403 without the permission, both {@code application/problem+json} with
 * {@code WWW-Authenticate: Bearer}; 503 while the token directory is not ready. Refusals of a known token go to the
 * service's {@link AuthAudit}.
 */
public class AuthFilter {

    /** Absent in a service that serves no routes of its own (scheduler-service): then no token is accepted. */
    @Inject
    Instance<TokenDirectory> directories;

    @Inject
    Caller caller;

    @Inject
    Instance<AuthAudit> audit;

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null; // no route matched: the framework answers 404/405
        }
        RouteRule rule = RouteRule.of(resource.getResourceMethod());
        if (rule instanceof RouteRule.Open) {
            return null;
        }
        if (!directories.isResolvable()) {
            return refusal(request, Decision.unauthenticated("this service accepts no tokens"));
        }
        TokenDirectory directory = directories.get();
        if (!directory.ready()) {
            return refusal(request, new Decision(503, "Service Unavailable",
                    "the token directory is still loading; try again shortly"));
        }
        Authorizer.Result result = Authorizer.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                directory, Instant.now());
        Decision decision = result.decision();
        if (decision.allowed()) {
            decision = Authorizer.authorize(result.token(), rule, single(request.getUriInfo().getPathParameters()),
                    single(request.getUriInfo().getQueryParameters()));
        }
        if (decision.allowed()) {
            caller.set(result.token());
            return null;
        }
        if (result.token() != null && audit.isResolvable()) {
            audit.get().denied(result.token(), request.getMethod(), request.getUriInfo().getPath(), decision);
        }
        return refusal(request, decision);
    }

    private static Response refusal(ContainerRequestContext request, Decision decision) {
        Response.ResponseBuilder response = Response.status(decision.status()).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_PREFIX + ProblemException.slugOf(decision.title()), decision.title(),
                        decision.status(), decision.detail(), request.getUriInfo().getRequestUri().getRawPath(),
                        List.of()));
        if (decision.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"gofer\"");
        }
        return response.build();
    }

    private static Map<String, String> single(MultivaluedMap<String, String> values) {
        Map<String, String> first = new HashMap<>();
        values.forEach((name, list) -> {
            if (!list.isEmpty()) {
                first.put(name, list.get(0));
            }
        });
        return first;
    }
}
