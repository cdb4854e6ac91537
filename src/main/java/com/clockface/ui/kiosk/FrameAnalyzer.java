package com.clockface.ui.kiosk;

import com.clockface.vision.Frame;

/**
 * The analysis side of the kiosk: fed the newest camera frame on the ONE analysis thread (never the
 * FX thread), it returns what the screen should show. All methods are called on that thread.
 */
public interface FrameAnalyzer extends AutoCloseable {

    ScreenModel onFrame(Frame frame);

    /** No new frame for a while: time still passes (timeouts, the end of a result card). */
    ScreenModel tick(long nowNanos);

    /** The screen painted challenge step {@code step} at {@code timeNanos} (System.nanoTime clock). */
    void colourShown(int step, long timeNanos);

    /** Back to idle, dropping any check-in in progress (PIN screen opened, admin entry). */
    void reset();

    @Override
    default void close() { }
}
