package com.clockface.ui.kiosk;

import com.clockface.checkin.FaceEngine;
import com.clockface.vision.Face;
import com.clockface.vision.Frame;

import java.util.List;

/**
 * Face detection only, with a fixed oval: the preview-and-oval stage of the kiosk before the check-in
 * session is wired in (no check-in happens). Used by the benchmark to load the analysis thread with the
 * detector the session runs on every frame.
 */
final class DetectionAnalyzer implements FrameAnalyzer {
    private static final long IDLE_AFTER_NANOS = 4_000_000_000L;
    private final FaceEngine engine;
    private long lastFaceNanos = Long.MIN_VALUE;

    DetectionAnalyzer(FaceEngine engine) { this.engine = engine; }

    @Override
    public ScreenModel onFrame(Frame frame) {
        List<Face> faces = engine.detect(frame.image());
        int w = frame.image().width(), h = frame.image().height();
        if (!faces.isEmpty()) lastFaceNanos = frame.timeNanos();
        if (lastFaceNanos == Long.MIN_VALUE || frame.timeNanos() - lastFaceNanos > IDLE_AFTER_NANOS) return ScreenModel.idle();
        ScreenModel.OvalBox oval = new ScreenModel.OvalBox(w / 2.0, h * 0.48, h * 0.31 * 0.75, h * 0.31);
        String s = faces.isEmpty() ? "Step in front of the camera." : faces.size() > 1 ? "One person at a time, please."
                : "Put your face in the oval.";
        return new ScreenModel(ScreenModel.Phase.ALIGNING, s, faces.size() == 1 ? ScreenModel.Cue.OK : ScreenModel.Cue.ADJUST,
                oval, w, null, 0.1, null);
    }

    @Override
    public ScreenModel tick(long nowNanos) { return null; }

    @Override
    public void colourShown(int step, long timeNanos) { }

    @Override
    public void reset() { lastFaceNanos = Long.MIN_VALUE; }
}
