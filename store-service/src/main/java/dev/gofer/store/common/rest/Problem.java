package dev.gofer.store.common.rest;

/** An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}). */
public record Problem(String type, String title, int status, String detail, String instance) {
}
