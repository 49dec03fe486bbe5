package dev.gofer.api.log.service;

import java.util.List;
import java.util.concurrent.CompletionStage;

import dev.gofer.api.log.service.LogService.LogLineView;
import dev.gofer.api.log.service.LogService.TaskLog;

/**
 * Where a follower of a task log sends what it reads: the REST layer adapts it to a server-sent-event stream. A
 * returned stage completes when the transport has taken the data, so a follower never has more than one page in
 * flight towards a slow client.
 */
public interface LogSink {

    /** Starts the stream (writes the response head) in the calling thread, before any line is sent. */
    void open(TaskLog log, long after);

    /** Sends lines in order; the stage completes once the transport has taken the last of them. */
    CompletionStage<?> lines(List<LogLineView> lines);

    /** Nothing to send for a while: a comment keeps proxies and clients from timing the stream out. */
    CompletionStage<?> keepAlive();

    /** Every line is sent (the last one has sequence number {@code lines}): say so and close. */
    void end(long lines);

    /** Closes without an end (the server is stopping): the client resumes from the last line it received. */
    void close();

    /** The client has gone. */
    boolean isClosed();
}
