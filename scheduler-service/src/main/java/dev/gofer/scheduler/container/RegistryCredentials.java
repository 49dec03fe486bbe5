package dev.gofer.scheduler.container;

/** A registry login for pulls. The password is opened plaintext: never logged ({@link #toString()} masks it). */
public record RegistryCredentials(String username, String password) {

    public RegistryCredentials {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("registry username must not be blank");
        }
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=***]";
    }
}
