package dev.gofer.trigger.common.rest;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}. {@code detail} is written for people and,
 * for bad input, starts with the offending field's name.
 */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
