/** Object use cases: put (with force), list, get, delete, size cap. */
package dev.gofer.store.object.service;
