package com.clockface.camera;

/**
 * Puts a driver's frame timestamps on the {@code System.nanoTime()} clock. A frame is stamped when the
 * sensor captured it (the driver's time) rather than when our thread got round to reading it: on a busy
 * 2-core kiosk the reading thread runs late now and then and reads buffered frames back to back, which
 * would look like jitter to the injection checks and blur the flash timing.
 *
 * <p>The offset between the clocks is the smallest latency seen so far (arrival - driver time), so a late
 * read never pushes it; a driver time that runs backwards or jumps by more than {@link #MAX_GAP_NANOS}
 * (device reset) starts a new anchor. A stamped time is never later than the frame's arrival.
 */
final class DriverClock {

    /** A longer silence than this means the driver clock restarted; re-anchor instead of trusting it. */
    static final long MAX_GAP_NANOS = 2_000_000_000L;

    private long offset;
    private long lastDriver = Long.MIN_VALUE;

    /**
     * @param driverNanos  the driver's timestamp for the frame (any epoch), in nanoseconds
     * @param arrivalNanos {@code System.nanoTime()} when the frame was read
     * @return the frame's capture time on the nanoTime clock
     */
    long stamp(long driverNanos, long arrivalNanos) {
        long gap = driverNanos - lastDriver;
        if (lastDriver == Long.MIN_VALUE || gap <= 0 || gap > MAX_GAP_NANOS) {
            offset = arrivalNanos - driverNanos;
        } else {
            offset = Math.min(offset, arrivalNanos - driverNanos);
        }
        lastDriver = driverNanos;
        return driverNanos + offset;
    }
}
