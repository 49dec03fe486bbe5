/** Secret entities and repositories over the store schema (ciphertext only). */
package dev.gofer.store.secret.persistence;
