package dev.gofer.sdk;

import java.util.List;

/**
 * A role: what a token holding it may do.
 *
 * @param id {@code admin}, {@code user}, {@code viewer}, {@code run} (system roles) or a custom role's id
 * @param description what it is for
 * @param permissions its grants
 * @param systemRole whether it is defined by Gofer (and cannot be changed)
 */
public record Role(String id, String description, List<Permission> permissions, boolean systemRole) {

    /**
     * Actions on resources.
     *
     * @param resources {@code all}, a kind ({@code secrets}) or {@code kind:<anchored pattern>}
     *        ({@code pipelines:deploy-.*})
     * @param actions of {@code read}, {@code write}, {@code delete}, {@code reveal} (secret values only)
     */
    public record Permission(List<String> resources, List<String> actions) {
    }
}
