package dev.gofer.support.auth;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/**
 * Every route of a set of JAX-RS resource classes with its rule, read from the code: what docs/security.md lists and
 * what the route-matrix tests check each service's OpenAPI document against.
 */
public record RouteTable(List<Route> routes) {

    /** One route: {@code GET}, {@code /api/namespaces/{namespace_id}}, its rule and where it is declared. */
    public record Route(String method, String path, RouteRule rule, String declaredBy) {
    }

    public static RouteTable of(List<Class<?>> resources) {
        List<Route> routes = new ArrayList<>();
        for (Class<?> resource : resources) {
            Path base = resource.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                Optional<String> verb = verbOf(method);
                if (verb.isEmpty()) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                routes.add(new Route(verb.get(), join(base.value(), sub == null ? "" : sub.value()),
                        RouteRule.of(method), resource.getSimpleName() + "#" + method.getName()));
            }
        }
        routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
        return new RouteTable(List.copyOf(routes));
    }

    public Optional<Route> find(String method, String path) {
        return routes.stream().filter(r -> r.method().equalsIgnoreCase(method) && r.path().equals(path)).findFirst();
    }

    private static Optional<String> verbOf(Method method) {
        List<Class<? extends Annotation>> verbs = List.of(GET.class, POST.class, PUT.class, DELETE.class,
                PATCH.class, HEAD.class);
        return verbs.stream().filter(method::isAnnotationPresent).map(Class::getSimpleName).findFirst();
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
