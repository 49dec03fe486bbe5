package dev.gofer.events;

/**
 * Credentials for pulling a task's image. In {@link TaskRunToResolve} {@code pass} may be a secret reference; in
 * {@link TaskRunReady} it is sealed (see {@link TransitSealer}).
 */
public record RegistryAuth(String user, String pass) {

    public RegistryAuth {
        Require.text(user, "registry_auth.user");
        Require.present(pass, "registry_auth.pass");
    }

    @Override
    public String toString() {
        return "RegistryAuth[user=" + user + ", pass=***]";
    }
}
