package dev.gofer.store.object.rest;

import java.util.List;

/** {@code {"objects": [...]}}, ordered by key. */
public record ObjectListResponse(List<ObjectView> objects) {
}
