package dev.gofer.testsupport.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Permission;
import dev.gofer.support.auth.ResourceKind;
import dev.gofer.support.auth.RouteRule;
import dev.gofer.support.auth.RouteTable;

/**
 * The route matrix: for every operation of a service's OpenAPI document, the tokens that must be refused (none,
 * malformed, unknown, expired, disabled: 401; another namespace's, one lacking the route's action, a non-admin on an
 * admin-only route: 403, each {@code application/problem+json}) and the one that must get through (any status but 401
 * and 403, and no 5xx). The rule of each operation is read from the code ({@link RouteTable}); an operation without
 * one fails, so a new route nobody gave a rule breaks this test.
 */
public final class RouteMatrix {

    /** The namespace every namespaced route is called in. */
    public static final String NAMESPACE = "authz-ns";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> VERBS = List.of("get", "post", "put", "patch", "delete");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Makes the tokens the matrix presents; how depends on the service (its API, or the published view). */
    public interface Tokens {

        /** A valid, non-admin token for these namespaces with exactly these permissions. */
        String grant(List<String> namespaces, List<Permission> permissions);

        String admin();

        /** An admin token that has expired. */
        String expired();

        /** An admin token that is disabled. */
        String disabled();
    }

    private RouteMatrix() {
    }

    /** One dynamic test per operation of {@code openApiJson}, called at {@code base}. */
    public static Stream<DynamicTest> tests(URI base, String openApiJson, RouteTable table, Tokens tokens) {
        JsonNode paths;
        try {
            paths = new ObjectMapper().readTree(openApiJson).path("paths");
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable OpenAPI document", e);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String verb : VERBS) {
                JsonNode operation = path.getValue().get(verb);
                if (operation != null) {
                    String method = verb.toUpperCase(java.util.Locale.ROOT);
                    tests.add(DynamicTest.dynamicTest(method + " " + path.getKey(),
                            () -> check(base, method, path.getKey(), operation, table, tokens)));
                }
            }
        }
        assertThat(tests).as("operations in the OpenAPI document").isNotEmpty();
        return tests.stream();
    }

    private static void check(URI base, String method, String template, JsonNode operation, RouteTable table,
            Tokens tokens) {
        RouteRule rule = table.find(method, template).map(RouteTable.Route::rule).orElse(new RouteRule.Missing());
        assertThat(rule).as("%s %s has a rule in the code (@Requires, @Authenticated or @Anonymous)", method,
                template).isNotInstanceOf(RouteRule.Missing.class);
        Call call = new Call(base, method, template, operation);
        if (rule instanceof RouteRule.Open) {
            assertThat(call.send(null).status).as("anonymous route without a token").isNotIn(401, 403);
            return;
        }
        call.refused(null, 401, "no token");
        call.refused("Basic dXNlcjpwYXNz", 401, "a Basic header");
        call.refused("Bearer", 401, "Bearer without a token");
        call.refused("Bearer " + UUID.randomUUID().toString().replace("-", ""), 401, "an unknown token");
        call.refused("Bearer " + tokens.expired(), 401, "an expired token");
        call.refused("Bearer " + tokens.disabled(), 401, "a disabled token");
        List<Permission> everything = List.of(new Permission(List.of(Permission.ALL), Arrays.asList(Action.values())));
        if (rule instanceof RouteRule.AnyToken) {
            call.accepted(tokens.grant(List.of(NAMESPACE),
                    List.of(new Permission(List.of("events"), List.of(Action.READ)))), "a token with any role");
            return;
        }
        RouteRule.Needs needs = (RouteRule.Needs) rule;
        boolean namespaced = template.contains("{namespace_id}");
        if (namespaced) {
            call.refused("Bearer " + tokens.grant(List.of("elsewhere"), everything), 403,
                    "a token of another namespace");
        }
        if (needs.adminOnly()) {
            call.refused("Bearer " + tokens.grant(List.of(".*"), everything), 403, "a non-admin token");
            call.accepted(tokens.admin(), "the admin token");
            return;
        }
        call.refused("Bearer " + tokens.grant(List.of(".*"), allBut(needs.kind(), needs.action())), 403,
                "a token lacking " + needs.kind().wire() + ": " + needs.action().wire());
        call.accepted(tokens.grant(List.of(namespaced ? NAMESPACE : ".*"),
                List.of(new Permission(List.of(needs.kind().wire()), List.of(needs.action())))),
                "a token with exactly " + needs.kind().wire() + ": " + needs.action().wire());
    }

    /** Every action on every kind ({@code reveal} on secrets only), except {@code action} on {@code kind}. */
    static List<Permission> allBut(ResourceKind kind, Action action) {
        List<Permission> permissions = new ArrayList<>();
        for (ResourceKind each : ResourceKind.values()) {
            List<Action> actions = Arrays.stream(Action.values())
                    .filter(a -> a != Action.REVEAL || each == ResourceKind.SECRETS)
                    .filter(a -> each != kind || a != action).toList();
            if (!actions.isEmpty()) {
                permissions.add(new Permission(List.of(each.wire()), actions));
            }
        }
        return permissions;
    }

    private record Answer(int status, String contentType) {
    }

    private static final class Call {

        private final String method;
        private final URI uri;
        private final String contentType;
        private final String label;

        Call(URI base, String method, String template, JsonNode operation) {
            this.method = method;
            this.label = method + " " + template;
            Matcher parameters = PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (parameters.find()) {
                parameters.appendReplacement(path, valueOf(parameters.group(1)));
            }
            parameters.appendTail(path);
            this.uri = base.resolve(path.toString());
            JsonNode content = operation.path("requestBody").path("content");
            this.contentType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
        }

        private static String valueOf(String parameter) {
            return switch (parameter) {
                case "namespace_id" -> NAMESPACE;
                case "run_id", "version", "deployment_id" -> "1";
                default -> "authz-" + parameter.replace('_', '-');
            };
        }

        void refused(String authorization, int status, String what) {
            Answer answer = send(authorization);
            assertThat(answer.status).as("%s with %s", label, what).isEqualTo(status);
            assertThat(answer.contentType).as("%s with %s: content type", label, what)
                    .startsWith("application/problem+json");
        }

        void accepted(String token, String what) {
            Answer answer = send("Bearer " + token);
            assertThat(answer.status).as("%s with %s", label, what).isNotIn(401, 403).isLessThan(500);
        }

        Answer send(String authorization) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (contentType == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String body = contentType.contains("json") ? "{}" : "x";
                request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            try {
                HttpResponse<InputStream> response = HTTP.send(request.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    // An event stream that was let through stays open: its status and headers are the answer.
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    if (!type.startsWith("text/event-stream")) {
                        body.readAllBytes();
                    }
                    return new Answer(response.statusCode(), type);
                }
            } catch (IOException e) {
                throw new IllegalStateException(label + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
