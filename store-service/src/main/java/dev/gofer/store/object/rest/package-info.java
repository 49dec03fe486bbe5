/** REST endpoints for pipeline and run objects (raw bytes in and out). */
package dev.gofer.store.object.rest;
