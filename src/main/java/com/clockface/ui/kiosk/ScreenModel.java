package com.clockface.ui.kiosk;

import com.clockface.liveness.flash.ColourSequence;
import com.clockface.vision.BgrImage;

/**
 * What the kiosk screen draws, produced off the FX thread (from the check-in session's view) and
 * rendered by {@link KioskScreen} as is. The screen holds no decision logic.
 *
 * @param phase      which screen
 * @param sentence   the guidance sentence (what the worker should do now)
 * @param cue        icon next to the sentence, so the guidance never relies on colour alone
 * @param oval       the face oval in frame pixels (not mirrored), or null
 * @param frameWidth width of the frame the oval refers to
 * @param flash      the colour challenge to paint, or null
 * @param progress   0..1 through the check-in
 * @param card       the result or failure card in phase RESULT, else null
 */
public record ScreenModel(Phase phase, String sentence, Cue cue, OvalBox oval, int frameWidth, FlashPlan flash,
                          double progress, ResultCard card) {

    public enum Phase { IDLE, ALIGNING, FLASHING, ANALYSING, RESULT }

    /** The icon shown beside the guidance sentence. */
    public enum Cue { NONE, ADJUST, OK, WAIT }

    /** The face oval in frame pixels: centre and half-axes. */
    public record OvalBox(double centerX, double centerY, double radiusX, double radiusY) { }

    /**
     * A colour challenge: the screen shows step i from {@code startNanos + sequence.startMillis(i)} on the
     * frame clock (System.nanoTime), computing the step from elapsed time on every pulse.
     */
    public record FlashPlan(ColourSequence sequence, long startNanos) { }

    /** What the result/failure card says. Workers never see scores. */
    public record ResultCard(Kind kind, String title, String detail, String name, String punchLabel,
                             String time, String hoursToday, BgrImage photo) {
        public enum Kind { CLOCKED_IN, CLOCKED_OUT, PENDING, ALREADY, NOT_RECOGNISED, LIVENESS_FAILED, LOCKED, ERROR }

        public boolean success() {
            return kind == Kind.CLOCKED_IN || kind == Kind.CLOCKED_OUT || kind == Kind.PENDING;
        }
    }

    public static ScreenModel idle() {
        return new ScreenModel(Phase.IDLE, "Step up to clock in", Cue.NONE, null, 0, null, 0, null);
    }
}
