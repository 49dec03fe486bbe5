/** The narrow port to a container engine: specs, image references, the runtime interface and its one exception. */
package dev.gofer.scheduler.container;
