package com.clockface.checkin;

import com.clockface.liveness.flash.FlashColour;

/**
 * Everything the screen needs to draw for one frame. Immutable; the session returns a new one per frame.
 *
 * @param state     where the session is
 * @param guidance  what to tell the person (code + {@link Guidance#sentence()})
 * @param oval      the face oval in frame coordinates (null before the first frame gave a frame size)
 * @param face      the tracked face box, or null (for drawing a debug box; the kiosk need not)
 * @param colour    the colour the screen must show now (full screen), or null for the normal preview
 * @param colourStep index of {@code colour} in the challenge (report it back with
 *                   {@link CheckinSession#colourShown(int, long)}), -1 when there is none
 * @param progress  0..1 through the whole check-in, for a progress ring
 * @param result    the final result in RESULT state, else null
 * @param timeNanos the frame (or tick) time this view belongs to
 */
public record SessionView(SessionState state, Guidance guidance, Oval oval, com.clockface.vision.Face face,
                          FlashColour colour, int colourStep, double progress, CheckinResult result, long timeNanos) {

    public String sentence() {
        return state == SessionState.RESULT && result != null ? result.message() : guidance.sentence();
    }
}
