package dev.gofer.sdk;

/**
 * The API accepted a run request (HTTP 202) but the run was not created within its wait time, so there is no run id
 * yet. The request is not lost; the run shows up once the API has processed it.
 */
public class RunNotCreatedException extends GoferException {

    private final String requestId;

    public RunNotCreatedException(String requestId) {
        super("run request " + requestId + " was accepted, but the run was not created yet");
        this.requestId = requestId;
    }

    /** The id of the accepted request. */
    public String requestId() {
        return requestId;
    }
}
