package com.clockface.camera;

/**
 * Plays a recording at its own speed, like a live camera: each frame waits until it is due on the
 * System.nanoTime clock, counted from the moment the first frame was served.
 */
final class RealTimePacer {
    private long wallStartNanos = -1;

    /** Starts over: the next frame is served at once and fixes the origin again. */
    void reset() {
        wallStartNanos = -1;
    }

    /**
     * Waits until the frame {@code relNanos} after the first is due.
     *
     * @return its due time on System.nanoTime, or -1 when the thread was interrupted
     */
    long await(long relNanos) {
        long now = System.nanoTime();
        if (wallStartNanos < 0) wallStartNanos = now;
        long due = wallStartNanos + relNanos;
        long wait = due - now;
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return due;
    }
}
