package dev.gofer.testsupport;

/**
 * Docker images that exist on the test machine without any registry: built by {@code deploy/local/prepare-host.sh}
 * (run by the test command before Maven).
 */
public final class LocalImages {

    /** busybox-static in an otherwise empty image: {@code sh}, {@code env}, {@code sleep}, {@code seq}, ... */
    public static final String BUSYBOX = "local/busybox:latest";

    private LocalImages() {
    }
}
