package dev.headroom.bench.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.IntSupplier;

/**
 * Samples a process's resident memory, its thread count and the client's open streams every 250 ms on a daemon
 * thread, so a benchmark can report the peak, the level held while the load is on, and the curve.
 */
final class RssSampler implements AutoCloseable {

    private static final long PERIOD_MS = 250;

    private final long pid;
    private final IntSupplier openStreams;
    private final List<long[]> samples = new ArrayList<>(); // {rssKb, threads, open streams}
    private final Thread thread;

    RssSampler(long pid, IntSupplier openStreams) {
        this.pid = pid;
        this.openStreams = openStreams;
        this.thread = Thread.ofPlatform().daemon().start(this::run);
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            long rss = ProcessProbe.procStatus(pid, "VmRSS:");
            long threads = ProcessProbe.procStatus(pid, "Threads:");
            synchronized (samples) {
                samples.add(new long[] {rss, threads, openStreams.getAsInt()});
            }
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakKb() {
        synchronized (samples) {
            return samples.stream().mapToLong(s -> s[0]).max().orElse(0);
        }
    }

    /** The most threads the process had. */
    long peakThreads() {
        synchronized (samples) {
            return samples.stream().mapToLong(s -> s[1]).max().orElse(0);
        }
    }

    /** The median RSS over the samples taken while at least {@code minOpen} streams were open. */
    long steadyKb(int minOpen) {
        synchronized (samples) {
            long[] held = samples.stream().filter(s -> s[2] >= minOpen).mapToLong(s -> s[0]).sorted().toArray();
            return held.length == 0 ? 0 : held[held.length / 2];
        }
    }

    /** One RSS figure per second (every fourth sample), in MB. */
    String perSecondMb() {
        StringJoiner j = new StringJoiner(" ");
        synchronized (samples) {
            for (int i = 0; i < samples.size(); i += (int) (1000 / PERIOD_MS)) {
                j.add(String.valueOf(samples.get(i)[0] / 1024));
            }
        }
        return j.toString();
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
