package dev.gofer.scheduler.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.inject.Singleton;

/** This worker's id: {@code gofer.scheduler.worker-id}, or host name + "-" + pid. */
@Singleton
public class WorkerIdentity {

    private final String id;

    public WorkerIdentity(SchedulerConfig config) {
        this.id = config.workerId().map(String::trim).filter(s -> !s.isEmpty())
                .orElseGet(() -> hostName() + "-" + ProcessHandle.current().pid());
    }

    public String id() {
        return id;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "worker";
        }
    }
}
