package com.clockface.camera;

import java.util.Arrays;

/**
 * The capture times of the last frames a camera delivered, in a fixed ring (no allocation per frame). Fed by the
 * capture thread for every frame ({@link CaptureThread#onEveryFrame}); read by whoever needs the camera's real
 * rate although it analyses only some frames. Thread-safe.
 */
public final class FrameTimes {
    private final long[] ring;
    private long count;

    /** @param capacity how many of the newest frame times are kept (30 s at 30 fps: 900) */
    public FrameTimes(int capacity) {
        if (capacity < 2) throw new IllegalArgumentException("capacity must be at least 2");
        ring = new long[capacity];
    }

    public synchronized void add(long nanos) {
        ring[(int) (count++ % ring.length)] = nanos;
    }

    /** The kept times t with {@code fromNanos <= t <= toNanos}, oldest first. */
    public synchronized long[] between(long fromNanos, long toNanos) {
        int n = (int) Math.min(count, ring.length);
        long[] out = new long[n];
        int k = 0;
        for (long i = count - n; i < count; i++) {
            long t = ring[(int) (i % ring.length)];
            if (t >= fromNanos && t <= toNanos) out[k++] = t;
        }
        return Arrays.copyOf(out, k);
    }

    /** Frames recorded so far. */
    public synchronized long count() { return count; }
}
