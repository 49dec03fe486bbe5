/** The {@code ContainerRuntime} over the Docker engine API (docker-java, httpclient5 transport). */
package dev.gofer.scheduler.container.docker;
