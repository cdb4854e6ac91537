package com.clockface.vision;

/**
 * One camera frame and when it was captured, on a monotonic clock in nanoseconds (System.nanoTime
 * for a live camera, the stream timestamp for a recording). The check-in session only ever sees these.
 */
public record Frame(BgrImage image, long timeNanos) {
    public long timeMillis() { return timeNanos / 1_000_000L; }
}
