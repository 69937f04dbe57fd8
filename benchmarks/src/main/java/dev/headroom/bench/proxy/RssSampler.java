package dev.headroom.bench.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Samples a process's resident memory and thread count every 250 ms on a daemon thread, so a benchmark can report
 * the peak, the level held while the load is on (the open streams show up as threads, one each), and the curve.
 */
final class RssSampler implements AutoCloseable {

    private static final long PERIOD_MS = 250;

    private final long pid;
    private final List<long[]> samples = new ArrayList<>(); // {rssKb, threads}
    private final Thread thread;

    RssSampler(long pid) {
        this.pid = pid;
        this.thread = Thread.ofPlatform().daemon().start(this::run);
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            long rss = ProxyOverheadBench.procStatus(pid, "VmRSS:");
            long threads = ProxyOverheadBench.procStatus(pid, "Threads:");
            synchronized (samples) {
                samples.add(new long[] {rss, threads});
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

    /** The median RSS over the samples taken while the process had at least {@code minThreads} threads. */
    long steadyKb(int minThreads) {
        synchronized (samples) {
            long[] held = samples.stream().filter(s -> s[1] >= minThreads).mapToLong(s -> s[0]).sorted().toArray();
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
