package dev.gofer.store.object.service;

import java.time.Instant;

/** An object's metadata: key, size in bytes, when it was stored. */
public record ObjectInfo(String key, long size, Instant created) {
}
