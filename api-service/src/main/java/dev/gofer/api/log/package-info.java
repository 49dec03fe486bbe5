/** Task logs: storing chunks from workers once, reading, following live over SSE, downloading, retention. */
package dev.gofer.api.log;
