package com.clockface.checkin;

import com.clockface.camera.CameraException;
import com.clockface.camera.FrameSource;
import com.clockface.vision.Frame;

/**
 * Runs one whole check-in from a recording or image folder, as fast as it decodes: frames go through the same
 * {@link CheckinSession} the kiosk uses. A recording cannot react to the kiosk's flash, so without a recorded
 * timeline the session runs in EXPRESS mode; with one ({@link SessionSettings#withFixedTimeline}) the challenge
 * is the recorded one. When the recording ends before the session finished, what was captured is analysed
 * ({@link CheckinSession#finish}).
 */
public final class HeadlessCheckin {
    private HeadlessCheckin() {}

    /** Feeds the source (opened here, not closed) until the session has a result. */
    public static CheckinResult run(FrameSource source, CheckinSession session) throws CameraException {
        return run(source, session, null);
    }

    /**
     * Like {@link #run(FrameSource, CheckinSession)}, but treats the recording as ending after {@code maxLength}
     * of its own time (null: no limit), like a person who gives up after that long.
     */
    public static CheckinResult run(FrameSource source, CheckinSession session, java.time.Duration maxLength) throws CameraException {
        source.open();
        Frame f;
        long last = 0;
        long first = Long.MIN_VALUE;
        SessionView v;
        while ((f = source.next()) != null) {
            if (first == Long.MIN_VALUE) first = f.timeNanos();
            if (maxLength != null && f.timeNanos() - first > maxLength.toNanos()) break;
            last = f.timeNanos();
            v = session.onFrame(f);
            if (v.state() == SessionState.RESULT) return v.result();
        }
        return session.finish(last).result();
    }
}
