/** Object entity and repository over the store schema: metadata rows, bytes as chunk rows (object_chunks). */
package dev.gofer.store.object.persistence;
