/** The known_runs table: runs heard of on gofer.events, with completed and objects-expired flags. */
package dev.gofer.store.run.persistence;
