package dev.gofer.events;

/**
 * A resolved environment variable for a container. When {@code sealed} is true, {@code value} is ciphertext from
 * {@link TransitSealer}: only a worker holding the transit key can open it. Secret values never travel in plaintext.
 */
public record EnvVar(String key, String value, boolean sealed) {

    public EnvVar {
        Require.text(key, "env.key");
        value = value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "EnvVar[key=" + key + ", value=" + (sealed ? "***" : value) + ", sealed=" + sealed + "]";
    }
}
