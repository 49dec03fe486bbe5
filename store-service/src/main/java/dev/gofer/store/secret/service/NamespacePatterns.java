package dev.gofer.store.secret.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.gofer.store.common.service.StoreException;

/**
 * The namespace allow-list of a global secret: regular expressions matched against the whole namespace id
 * (anchored, unlike Gofer HEAD which matched anywhere in the id). No list means every namespace ({@code .*}).
 */
public final class NamespacePatterns {

    public static final List<String> ALL = List.of(".*");

    private NamespacePatterns() {
    }

    /** The patterns to store: {@link #ALL} when none are given; each must be a non-blank, valid regex. */
    public static List<String> validate(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return ALL;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String p = patterns.get(i);
            if (p == null || p.isBlank()) {
                throw StoreException.invalid("namespaces[" + i + "]", "must not be blank");
            }
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw StoreException.invalid("namespaces[" + i + "]", "not a valid regular expression");
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    public static boolean allows(List<String> patterns, String namespaceId) {
        for (String p : patterns) {
            try {
                if (Pattern.compile(p).matcher(namespaceId).matches()) {
                    return true;
                }
            } catch (PatternSyntaxException e) {
                // validated on the way in; an unreadable pattern allows nothing
            }
        }
        return false;
    }
}
