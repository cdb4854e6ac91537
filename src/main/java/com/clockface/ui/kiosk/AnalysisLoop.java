package com.clockface.ui.kiosk;

import com.clockface.camera.LatestFrameSlot;
import com.clockface.vision.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ONE analysis thread: takes the newest frame from the slot (older ones were dropped by the slot),
 * feeds the analyzer and publishes the resulting {@link ScreenModel} for the FX thread to pick up on its
 * next pulse. Paint reports and resets from the FX thread are queued and handed over here, so the FX
 * thread never waits for a model or a lock held during inference.
 */
public final class AnalysisLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnalysisLoop.class);

    private record Paint(int step, long timeNanos) { }

    private final LatestFrameSlot slot;
    private final FrameAnalyzer analyzer;
    private final AtomicReference<ScreenModel> latest = new AtomicReference<>(ScreenModel.idle());
    private final ConcurrentLinkedQueue<Paint> paints = new ConcurrentLinkedQueue<>();
    private final FpsMeter meter = new FpsMeter();
    private final Thread thread;
    private volatile boolean stop;
    private volatile boolean resetRequested;
    private volatile boolean paused;

    public AnalysisLoop(LatestFrameSlot slot, FrameAnalyzer analyzer) {
        this.slot = slot;
        this.analyzer = analyzer;
        this.thread = new Thread(this::run, "kiosk-analysis");
        thread.setDaemon(true);
        // below the FX and capture threads: on 2 cores the preview must win when both want the CPU
        thread.setPriority(Thread.NORM_PRIORITY - 1);
    }

    public AnalysisLoop start() {
        thread.start();
        return this;
    }

    private void run() {
        while (!stop) {
            try {
                if (paused) {
                    // take no frames: while the kiosk is paused its camera may be lent (the admin's live enrolment)
                    deliverPaints();
                    handleReset();
                    Thread.sleep(50);
                    continue;
                }
                Frame f = slot.take(100, TimeUnit.MILLISECONDS);
                deliverPaints();
                handleReset();
                if (paused) continue;
                ScreenModel m = f != null ? analyzer.onFrame(f) : analyzer.tick(System.nanoTime());
                if (f != null) meter.tick();
                if (m != null) latest.set(m);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // one bad frame must not end check-ins for the day
                log.error("analysis of a frame failed", e);
            }
        }
    }

    private void handleReset() {
        if (resetRequested) {
            resetRequested = false;
            analyzer.reset();
            latest.set(ScreenModel.idle());
        }
    }

    private void deliverPaints() {
        Paint p;
        while ((p = paints.poll()) != null) analyzer.colourShown(p.step(), p.timeNanos());
    }

    /** The newest screen model; any thread. */
    public ScreenModel latest() { return latest.get(); }

    /** Called by the FX thread when a challenge colour reached the screen. */
    public void reportPaint(int step, long timeNanos) { paints.add(new Paint(step, timeNanos)); }

    /** Drops the running check-in (on the analysis thread, at its next frame). */
    public void requestReset() {
        resetRequested = true;
        latest.set(ScreenModel.idle());
    }

    /** While paused (PIN entry, admin), no frame is taken from the slot, so another consumer may use the camera. */
    public void setPaused(boolean p) {
        paused = p;
        if (p) requestReset();
    }

    public FpsMeter meter() { return meter; }

    @Override
    public void close() {
        stop = true;
        thread.interrupt();
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        analyzer.close();
    }
}
