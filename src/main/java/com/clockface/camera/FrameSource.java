package com.clockface.camera;

import com.clockface.vision.CameraInfo;
import com.clockface.vision.Frame;

/**
 * A stream of time-stamped BGR frames: a webcam, a video file or an image folder. Not thread-safe:
 * one thread reads it (use {@link LatestFrameSlot} to hand frames to other threads).
 *
 * <p>Timestamps ({@link Frame#timeNanos()}) are monotonic: {@code System.nanoTime()} at capture for a
 * live camera, the stream's own presentation time for a recording (so a recorded session replays
 * with its own timing).
 */
public interface FrameSource extends AutoCloseable {

    /** Opens the device or file. Calling it on an open source does nothing. */
    void open() throws CameraException;

    /**
     * Blocks until the next frame is available and returns it, or returns null at the end of a
     * finite source (file, folder). A live camera never returns null; it throws
     * {@link CameraException.Reason#DISCONNECTED} when it vanishes.
     */
    Frame next() throws CameraException;

    /** Name, capture path and format; width, height and fps are filled once the source is open. */
    CameraInfo info();

    /** Releases the device or file. Safe to call more than once and on a source that never opened. */
    @Override
    void close();
}
