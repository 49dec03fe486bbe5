/** Cross-cutting REST pieces: the one exception mapper that renders application/problem+json. */
package dev.gofer.store.common.rest;
