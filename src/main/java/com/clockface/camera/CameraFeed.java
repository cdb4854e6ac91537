package com.clockface.camera;

import com.clockface.vision.CameraInfo;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A camera that is running: newest frames in a {@link LatestFrameSlot} (the preview peeks, one analysis
 * thread takes) and its description. Either this feed owns the camera ({@link #open}: the desk-PC admin app
 * opens one for a live enrolment and closes it afterwards) or it borrows one that keeps running
 * ({@link #borrow}: the kiosk lends its camera to the admin screens; closing the feed leaves it running).
 */
public final class CameraFeed implements AutoCloseable {

    private final LatestFrameSlot slot;
    private final Supplier<CameraInfo> info;
    private final boolean testSource;
    private final CaptureThread owned;
    private final FrameTimes times;
    private final Runnable onClose;
    private volatile CameraException error;

    private CameraFeed(LatestFrameSlot slot, Supplier<CameraInfo> info, boolean testSource, CaptureThread owned, FrameTimes times,
                       Runnable onClose) {
        this.slot = slot;
        this.info = info;
        this.testSource = testSource;
        this.owned = owned;
        this.times = times;
        this.onClose = onClose;
    }

    /**
     * Opens the camera the spec names ({@link Cameras#create}: a name, {@code default}, or {@code file:PATH}
     * played in real time and looped) on its own capture thread.
     *
     * @throws CameraException no such camera, with a sentence for the screen
     */
    public static CameraFeed open(String spec) throws CameraException {
        FrameSource source = Cameras.create(spec);
        LatestFrameSlot slot = new LatestFrameSlot();
        FrameTimes times = new FrameTimes(1800);
        CaptureThread capture = new CaptureThread(source, slot).onEveryFrame(f -> times.add(f.timeNanos())).start();
        return new CameraFeed(slot, source::info, source.info().testSource(), capture, times, capture::close);
    }

    /** A camera somebody else runs and keeps running (the kiosk's), with the capture times its thread records. */
    public static CameraFeed borrow(LatestFrameSlot slot, Supplier<CameraInfo> info, boolean testSource, FrameTimes times) {
        return new CameraFeed(Objects.requireNonNull(slot, "slot"), Objects.requireNonNull(info, "info"), testSource, null,
                Objects.requireNonNull(times, "times"), () -> { });
    }

    /**
     * A recording played in step with its consumer: each frame is put into the slot only once the previous one
     * was taken, with the recording's own timestamps. So a slow analysis sees every frame at the recording's
     * frame rate, as on a fast machine (tests and demos of the live screens; never a real camera).
     *
     * @param recording an unopened video file or image folder source (opened and closed here)
     */
    public static CameraFeed lockStep(FrameSource recording) throws CameraException {
        recording.open();
        LatestFrameSlot slot = new LatestFrameSlot();
        CameraFeed[] self = new CameraFeed[1];
        Thread t = new Thread(() -> {
            try {
                com.clockface.vision.Frame f;
                while ((f = recording.next()) != null) {
                    slot.put(f);
                    while (!slot.awaitTaken(1, java.util.concurrent.TimeUnit.SECONDS)) { /* the consumer pauses (result shown) */ }
                    if (Thread.currentThread().isInterrupted()) break;
                }
            } catch (CameraException e) {
                self[0].error = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                slot.close();
                recording.close();
            }
        }, "camera-lockstep");
        t.setDaemon(true);
        // every frame reaches the consumer, so the frames it is fed are the camera's: no separate times
        self[0] = new CameraFeed(slot, recording::info, recording.info().testSource(), null, null, () -> {
            t.interrupt();
            slot.close();
        });
        t.start();
        return self[0];
    }

    public LatestFrameSlot slot() { return slot; }

    /** Capture times of every frame the camera delivered, or null when the consumer is fed every frame. */
    public FrameTimes times() { return times; }

    public CameraInfo info() { return info.get(); }

    /** A recording or image folder played as a camera: it cannot follow the colour flash. */
    public boolean testSource() { return testSource; }

    /** Why an owned camera stopped, or null while it runs (and always for a borrowed one). */
    public CameraException error() { return owned != null ? owned.error() : error; }

    /** Stops an owned camera; a borrowed one keeps running. */
    @Override
    public void close() {
        onClose.run();
    }
}
