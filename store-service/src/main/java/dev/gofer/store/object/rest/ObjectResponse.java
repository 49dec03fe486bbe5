package dev.gofer.store.object.rest;

/** {@code {"object": {...}}}. */
public record ObjectResponse(ObjectView object) {
}
