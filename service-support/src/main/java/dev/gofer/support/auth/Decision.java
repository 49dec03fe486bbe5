package dev.gofer.support.auth;

/** The outcome of checking one request: allowed, or refused with 401 (who are you?) or 403 (not this) and why. */
public record Decision(int status, String title, String detail) {

    static final Decision ALLOW = new Decision(200, "Allowed", "");

    public boolean allowed() {
        return status == 200;
    }

    static Decision unauthenticated(String detail) {
        return new Decision(401, "Unauthorized", detail);
    }

    static Decision forbidden(String detail) {
        return new Decision(403, "Forbidden", detail);
    }
}
