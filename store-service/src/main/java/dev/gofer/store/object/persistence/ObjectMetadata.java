package dev.gofer.store.object.persistence;

import java.time.Instant;

/** A projection of {@link StoredObject} for listings. */
public record ObjectMetadata(String objectKey, long size, Instant created) {
}
