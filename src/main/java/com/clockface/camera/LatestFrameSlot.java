package com.clockface.camera;

import com.clockface.vision.Frame;

import java.util.concurrent.TimeUnit;

/**
 * A one-frame mailbox between a capture thread and its consumers: {@link #put} replaces whatever is
 * there (the older frame is dropped, never queued), consumers read the newest frame. So a slow
 * consumer (face detection, liveness) always works on the latest picture and the preview never lags.
 * Thread-safe.
 */
public final class LatestFrameSlot {

    private Frame latest;
    private long sequence;      // number of frames ever put
    private long taken;         // sequence number of the last frame handed out by take/poll
    private long dropped;       // frames replaced before anybody took them
    private boolean closed;

    /** Offers the newest frame; a frame nobody took yet is dropped. */
    public synchronized void put(Frame frame) {
        if (closed) return;
        if (latest != null && taken < sequence) dropped++;
        latest = frame;
        sequence++;
        notifyAll();
    }

    /** The newest frame if it was not handed out by poll/take before, else null. Never blocks. */
    public synchronized Frame poll() {
        if (latest == null || taken == sequence) return null;
        taken = sequence;
        notifyAll(); // a lock-step producer waits for this
        return latest;
    }

    /**
     * Waits up to the timeout for a frame newer than the last one handed out, and returns it; null on
     * timeout, or once the slot is closed and its last frame was handed out.
     */
    public synchronized Frame take(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (latest == null || taken == sequence) {
            long left = deadline - System.nanoTime();
            if (closed || left <= 0) return null;
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        taken = sequence;
        notifyAll(); // a lock-step producer waits for this
        return latest;
    }

    /**
     * For a producer that must not drop frames (a recording replayed in step with its consumer): waits up to
     * the timeout until the newest frame was handed out by take/poll, or the slot is closed. Returns false on timeout.
     */
    public synchronized boolean awaitTaken(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (latest != null && taken < sequence && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** The newest frame, whether or not it was handed out before (for a preview that repaints); null if none yet. */
    public synchronized Frame peek() { return latest; }

    /** Frames put so far. */
    public synchronized long received() { return sequence; }

    /** Frames replaced before any consumer took them. */
    public synchronized long dropped() { return dropped; }

    /** Ends the stream: consumers get the last untaken frame, then null; later puts are ignored. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
