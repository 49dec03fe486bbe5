package dev.gofer.store.object.rest;

import java.time.Instant;

import dev.gofer.store.object.service.ObjectInfo;

/** An object as listed: key, size in bytes, creation time. */
public record ObjectView(String key, long size, Instant created) {

    static ObjectView from(ObjectInfo info) {
        return new ObjectView(info.key(), info.size(), info.created());
    }
}
