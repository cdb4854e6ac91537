package com.clockface.camera;

import com.clockface.vision.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * Reads a {@link FrameSource} on its own daemon thread as fast as it delivers and puts every frame
 * into a {@link LatestFrameSlot}, so frames are dropped (never queued) when consumers are slower.
 * When the source ends (file) or fails, the slot is closed and the error handler is told.
 */
public final class CaptureThread implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CaptureThread.class);

    private final FrameSource source;
    private final LatestFrameSlot slot;
    private final Thread thread;
    private volatile boolean stop;
    private volatile CameraException error;
    private volatile long frames;
    private volatile long firstNanos, lastNanos;

    private volatile Consumer<Frame> everyFrame = f -> { };

    public CaptureThread(FrameSource source, LatestFrameSlot slot) {
        this(source, slot, e -> { });
    }

    /** @param onError called once, on the capture thread, when the source fails (not at its normal end) */
    public CaptureThread(FrameSource source, LatestFrameSlot slot, Consumer<CameraException> onError) {
        this.source = source;
        this.slot = slot;
        this.thread = new Thread(() -> run(onError), "camera-capture");
        this.thread.setDaemon(true);
    }

    /**
     * Called on the capture thread with every frame before it goes into the slot: the place for
     * per-frame work that must see all frames (the injection analysis, recording a capsule). Keep it
     * to a few milliseconds, or the capture rate drops. Set before {@link #start()}.
     */
    public CaptureThread onEveryFrame(Consumer<Frame> hook) {
        this.everyFrame = hook == null ? f -> { } : hook;
        return this;
    }

    public CaptureThread start() {
        thread.start();
        return this;
    }

    private void run(Consumer<CameraException> onError) {
        try {
            source.open();
            Frame f;
            while (!stop && (f = source.next()) != null) {
                long now = System.nanoTime();
                if (frames == 0) firstNanos = now;
                lastNanos = now;
                frames++;
                try {
                    everyFrame.accept(f);
                } catch (RuntimeException e) {
                    log.warn("per-frame hook failed; capture continues", e);
                }
                slot.put(f);
            }
        } catch (CameraException e) {
            if (!stop) {
                error = e;
                log.warn("Camera capture stopped: {}", e.getMessage());
                onError.accept(e);
            }
        } catch (RuntimeException e) {
            error = new CameraException(CameraException.Reason.DRIVER, "Camera capture failed: " + e, e);
            log.error("Camera capture failed", e);
            onError.accept(error);
        } finally {
            slot.close();
            source.close();
        }
    }

    /** Frames captured so far. */
    public long frames() { return frames; }

    /** Capture rate measured on the wall clock since the first frame (0 before two frames). */
    public double fps() {
        long n = frames;
        long span = lastNanos - firstNanos;
        return n > 1 && span > 0 ? (n - 1) * 1e9 / span : 0;
    }

    /** The failure that stopped capture, or null. */
    public CameraException error() { return error; }

    public boolean isRunning() { return thread.isAlive(); }

    /** Waits for the thread to end (the source ended or failed); returns whether it did within the time. */
    public boolean join(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    /**
     * Stops capturing. A {@link ReconnectingSource} is closed at once (it is safe across threads);
     * other sources are closed by the capture thread after its current read.
     */
    @Override
    public void close() {
        stop = true;
        if (source instanceof ReconnectingSource r) r.close();
        slot.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
