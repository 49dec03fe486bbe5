/** The events table. */
package dev.gofer.api.event.persistence;
