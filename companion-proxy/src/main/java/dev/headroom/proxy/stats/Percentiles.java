package dev.headroom.proxy.stats;

import java.util.Arrays;

/** The latest samples (a fixed ring), for exact percentiles in /stats without unbounded memory. */
public final class Percentiles {

    private final double[] ring;
    private int next;
    private long count;

    public Percentiles(int capacity) {
        ring = new double[capacity];
    }

    public synchronized void add(double value) {
        ring[next] = value;
        next = (next + 1) % ring.length;
        count++;
    }

    public synchronized long count() {
        return count;
    }

    /** The p-th percentile (0-100) of the retained samples, or 0 with none. */
    public synchronized double percentile(double p) {
        int n = (int) Math.min(count, ring.length);
        if (n == 0) {
            return 0;
        }
        double[] copy = Arrays.copyOf(ring, n);
        Arrays.sort(copy);
        int idx = (int) Math.ceil(p / 100.0 * n) - 1;
        return copy[Math.max(0, Math.min(n - 1, idx))];
    }
}
