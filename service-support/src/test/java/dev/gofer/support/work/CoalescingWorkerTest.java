package dev.gofer.support.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CoalescingWorkerTest {

    @Test
    void shouldCoalesceWakesWhileARunIsPendingWhenWokenManyTimes() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        CoalescingWorker worker = new CoalescingWorker("test-worker", () -> {
            runs.incrementAndGet();
            waitFor(release);
        });

        worker.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
        for (int i = 0; i < 100; i++) {
            worker.wake();
        }
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
        worker.stop();
        assertThat(worker.isStopped()).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void shouldIgnoreWakeWhenStopped() {
        AtomicInteger runs = new AtomicInteger();
        CoalescingWorker worker = new CoalescingWorker("test-worker", runs::incrementAndGet);

        worker.stop();
        worker.wake();
        worker.wake();

        assertThat(runs).hasValue(0);
    }

    @Test
    void shouldRunOnDaemonThreadWithItsNameWhenWoken() {
        String[] seen = new String[2];
        CoalescingWorker worker = new CoalescingWorker("named-worker", () -> {
            seen[0] = Thread.currentThread().getName();
            seen[1] = String.valueOf(Thread.currentThread().isDaemon());
        });

        worker.wake();

        await().atMost(Duration.ofSeconds(5)).until(() -> seen[1] != null);
        assertThat(seen).containsExactly("named-worker", "true");
        worker.stop();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
