/** Health checks of the container engine this worker drives. */
package dev.gofer.scheduler.container.health;
