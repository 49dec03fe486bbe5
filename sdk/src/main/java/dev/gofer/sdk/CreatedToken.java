package dev.gofer.sdk;

/**
 * A token just made.
 *
 * @param secret the token itself: shown this once, kept nowhere by Gofer (only its SHA-256)
 * @param token its details
 */
public record CreatedToken(String secret, Token token) {

    @Override
    public String toString() {
        return "CreatedToken[secret=<hidden>, token=" + token + "]";
    }
}
