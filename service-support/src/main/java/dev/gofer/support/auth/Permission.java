package dev.gofer.support.auth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One grant of a role: these actions on these resources. A resource is {@code all}, a kind ({@code secrets}: every
 * instance, lists included) or a kind with an anchored pattern ({@code pipelines:deploy-.*}: only routes that name a
 * matching instance; never a list, which would show the others).
 */
public record Permission(List<String> resources, List<Action> actions) {

    public static final String ALL = "all";
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    public Permission {
        resources = List.copyOf(resources);
        actions = List.copyOf(actions);
    }

    /** Whether this grant allows {@code action} on the kind's instance {@code target} ({@code null}: none named). */
    public boolean covers(ResourceKind kind, String target, Action action) {
        if (!actions.contains(action)) {
            return false;
        }
        for (String resource : resources) {
            if (resource.equals(ALL) || resource.equals(kind.wire())) {
                return true;
            }
            String prefix = kind.wire() + ":";
            if (target != null && resource.startsWith(prefix)
                    && pattern(resource.substring(prefix.length())).matcher(target).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why {@code resource} is not a valid resource string, or {@code null} when it is: {@code all}, a kind, or
     * {@code kind:<regex>} for a kind whose routes name an instance.
     */
    public static String problemWith(String resource) {
        if (resource == null || resource.isBlank()) {
            return "must not be blank";
        }
        if (resource.equals(ALL)) {
            return null;
        }
        int colon = resource.indexOf(':');
        String kindName = colon < 0 ? resource : resource.substring(0, colon);
        ResourceKind kind = ResourceKind.of(kindName).orElse(null);
        if (kind == null) {
            return "unknown resource '" + kindName + "' (all, " + String.join(", ",
                    java.util.Arrays.stream(ResourceKind.values()).map(ResourceKind::wire).toList()) + ")";
        }
        if (colon >= 0) {
            if (kind.targetParameter().isEmpty()) {
                return "'" + kindName + "' takes no pattern";
            }
            return patternProblem(resource.substring(colon + 1));
        }
        return null;
    }

    /** Why {@code regex} is not a valid anchored pattern, or {@code null}. */
    public static String patternProblem(String regex) {
        if (regex == null || regex.isBlank()) {
            return "pattern must not be blank";
        }
        try {
            Pattern.compile(regex);
            return null;
        } catch (PatternSyntaxException e) {
            return "'" + regex + "' is not a valid pattern: " + e.getDescription();
        }
    }

    /** Whether any of the anchored {@code patterns} matches {@code id} as a whole. */
    public static boolean anyMatches(List<String> patterns, String id) {
        for (String regex : patterns) {
            if (pattern(regex).matcher(id).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }
}
