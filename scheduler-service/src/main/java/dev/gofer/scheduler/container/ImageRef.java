package dev.gofer.scheduler.container;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference {@code name[:tag][@digest]}. Without tag and digest the tag is {@code latest}. The registry host is
 * the first path component when it looks like a host ({@code .} or {@code :} in it, or {@code localhost}); otherwise
 * the image lives on Docker Hub and {@link #registryHost()} is empty.
 *
 * @param name the repository as written, registry host included ({@code registry.example.com:5000/team/app})
 * @param tag the tag, or null when only a digest was given
 * @param digest the content digest ({@code sha256:...}), or null
 */
public record ImageRef(String name, String tag, String digest) {

    /** The tag used when a reference names neither tag nor digest. */
    public static final String DEFAULT_TAG = "latest";

    private static final Pattern HOST = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?(?::[0-9]+)?");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}");

    public ImageRef {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("image name must not be blank");
        }
        if (tag == null && digest == null) {
            tag = DEFAULT_TAG;
        }
    }

    /** Parses {@code name[:tag][@digest]}; throws {@link IllegalArgumentException} naming what is wrong. */
    public static ImageRef parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("image reference must not be blank");
        }
        String rest = reference.trim();
        if (rest.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("image reference '" + reference + "' contains whitespace");
        }
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw new IllegalArgumentException("image reference '" + reference + "' has an invalid digest");
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("image reference '" + reference + "' has an invalid tag");
            }
        }
        validateName(rest, reference);
        return new ImageRef(rest, tag, digest);
    }

    private static void validateName(String name, String reference) {
        String[] parts = name.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean host = i == 0 && parts.length > 1 && looksLikeHost(parts[0]);
            boolean valid = host ? HOST.matcher(parts[i]).matches() : PATH_COMPONENT.matcher(parts[i]).matches();
            if (!valid) {
                throw new IllegalArgumentException("image reference '" + reference + "' has an invalid name");
            }
        }
    }

    private static boolean looksLikeHost(String component) {
        return component.contains(".") || component.contains(":") || component.equals("localhost");
    }

    /** The registry host ({@code registry.example.com:5000}), or empty for Docker Hub. */
    public Optional<String> registryHost() {
        int slash = name.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String first = name.substring(0, slash);
        return looksLikeHost(first) ? Optional.of(first) : Optional.empty();
    }

    public Optional<String> tagOpt() {
        return Optional.ofNullable(tag);
    }

    public Optional<String> digestOpt() {
        return Optional.ofNullable(digest);
    }

    /** The canonical text, {@code name[:tag][@digest]}, as the engine expects it. */
    public String reference() {
        return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    @Override
    public String toString() {
        return reference();
    }
}
