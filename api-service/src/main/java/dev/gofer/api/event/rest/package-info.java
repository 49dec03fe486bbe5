/** The events SSE endpoint. */
package dev.gofer.api.event.rest;
