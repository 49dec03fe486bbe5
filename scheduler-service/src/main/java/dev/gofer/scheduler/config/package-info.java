/** Worker configuration and the CDI producers of the shared infrastructure (runtime, publisher, sealer). */
package dev.gofer.scheduler.config;
