package dev.gofer.store.object.rest;

import dev.gofer.store.object.service.ObjectInfo;

/** An object as listed: key, size in bytes, creation time (epoch milliseconds, as everywhere in the API). */
public record ObjectView(String key, long size, long created) {

    static ObjectView from(ObjectInfo info) {
        return new ObjectView(info.key(), info.size(), info.created().toEpochMilli());
    }
}
