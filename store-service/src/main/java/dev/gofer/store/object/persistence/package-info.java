/** Object entity and repository over the store schema (bytes in a bytea column). */
package dev.gofer.store.object.persistence;
