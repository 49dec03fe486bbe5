/** Public domain events: recorded with each state change, streamed over SSE and published on gofer.events. */
package dev.gofer.api.event;
