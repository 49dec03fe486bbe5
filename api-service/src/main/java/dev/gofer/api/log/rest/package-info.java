/** REST resources for task logs: download, live stream (SSE), removal. */
package dev.gofer.api.log.rest;
