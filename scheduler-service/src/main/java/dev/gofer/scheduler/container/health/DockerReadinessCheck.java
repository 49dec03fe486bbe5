package dev.gofer.scheduler.container.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.gofer.scheduler.config.SchedulerConfig;
import dev.gofer.scheduler.container.ContainerRuntime;
import dev.gofer.scheduler.container.ContainerRuntimeException;

/** Ready only while the Docker engine answers: a worker that cannot start containers should not take task runs. */
@Readiness
@ApplicationScoped
public class DockerReadinessCheck implements HealthCheck {

    private final ContainerRuntime runtime;
    private final SchedulerConfig config;

    public DockerReadinessCheck(ContainerRuntime runtime, SchedulerConfig config) {
        this.runtime = runtime;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("docker-engine").withData("docker_host", config.dockerHost());
        try {
            runtime.ping();
            return response.up().build();
        } catch (ContainerRuntimeException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
