/** Persistence plumbing: how JSON columns are read and written. */
package dev.gofer.trigger.common.persistence;
