package dev.gofer.store.common.service;

import java.util.regex.Pattern;

/** Naming rules for keys and the namespace and pipeline ids in paths. */
public final class Names {

    /** Secret and object keys, namespace and pipeline ids: 1-128 characters of {@code [A-Za-z0-9_.-]}. */
    public static final String KEY_REGEX = "^[A-Za-z0-9_.-]{1,128}$";

    /** The message of a key that breaks {@link #KEY_REGEX}. */
    public static final String KEY_MESSAGE = "must be 1-128 characters of A-Z, a-z, 0-9, '_', '.' or '-'";

    private static final Pattern KEY = Pattern.compile(KEY_REGEX);

    private Names() {
    }

    public static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }
}
