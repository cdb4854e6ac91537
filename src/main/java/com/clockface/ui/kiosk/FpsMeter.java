package com.clockface.ui.kiosk;

/**
 * Counts events (frames shown, frames analysed) and reports their rate over the window since the
 * last {@link #sample()}. Thread-safe; cheap enough to call on every pulse.
 */
public final class FpsMeter {
    private long count;
    private long total;
    private long windowStart = System.nanoTime();

    public synchronized void tick() {
        count++;
        total++;
    }

    /** Events per second since the previous sample, and starts a new window. */
    public synchronized double sample() {
        long now = System.nanoTime();
        double fps = now > windowStart ? count * 1e9 / (now - windowStart) : 0;
        count = 0;
        windowStart = now;
        return fps;
    }

    public synchronized long total() { return total; }
}
