package com.clockface.checkin;

import com.clockface.liveness.flash.ColourTimeline;
import com.clockface.liveness.flash.FlashMode;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing and alignment rules of one check-in session (not the decision thresholds: see {@link CheckinSettings}).
 *
 * @param flashMode          STANDARD / GENTLE colour challenge, or EXPRESS (passive only)
 * @param alignHold          how long the face must sit still in the oval before the challenge starts
 * @param idleTimeout        no usable face for this long: back to IDLE
 * @param resultHold         how long the result stays on screen before IDLE
 * @param expressCapture     EXPRESS mode: how long frames are captured after alignment
 * @param preRoll            frames kept from before the challenge (the flash analysis measures drift on them)
 * @param postRoll           frames kept after the challenge (camera delay: the last colour arrives late)
 * @param faceLossGrace      during the challenge a face may go undetected this long before it is cancelled
 * @param ovalHeightFraction oval height as a fraction of the frame height
 * @param minFaceFraction    face box height / oval height below which the person should move closer
 * @param maxFaceFraction    ... above which they should move back
 * @param centerTolerance    face centre offset allowed, as a fraction of the oval's width (x) and height (y)
 * @param maxYaw             nose offset from the eye midpoint, in inter-eye distances
 * @param maxRollDegrees     tilt of the eye line
 * @param minBrightness      mean face luma (0-255) below which it is too dark
 * @param maxBrightness      ... above which it is too bright
 * @param minSharpness       variance of the Laplacian on the face (normalised to 64 px width) below which it is blurred
 * @param maxMotion          face centre motion between frames, as a fraction of the face height, above which it is not still
 * @param fixedTimeline      a recording's colour timeline ({@code --timeline}): the challenge is taken from it instead of drawn,
 *                           starts and ends at its times and is never cancelled (a recording cannot react); null on a kiosk
 */
public record SessionSettings(FlashMode flashMode, Duration alignHold, Duration idleTimeout, Duration resultHold,
                              Duration expressCapture, Duration preRoll, Duration postRoll, Duration faceLossGrace,
                              double ovalHeightFraction, double minFaceFraction, double maxFaceFraction,
                              double centerTolerance, double maxYaw, double maxRollDegrees,
                              double minBrightness, double maxBrightness, double minSharpness, double maxMotion,
                              ColourTimeline fixedTimeline) {

    public SessionSettings {
        Objects.requireNonNull(flashMode, "flashMode");
        if (!(minFaceFraction > 0 && minFaceFraction < maxFaceFraction)) {
            throw new IllegalArgumentException("need 0 < minFaceFraction < maxFaceFraction");
        }
        if (fixedTimeline != null && fixedTimeline.mode() != flashMode) {
            throw new IllegalArgumentException("the fixed timeline is " + fixedTimeline.mode() + " but the session runs " + flashMode);
        }
    }

    public static SessionSettings defaults() {
        return new SessionSettings(FlashMode.STANDARD, Duration.ofMillis(600), Duration.ofSeconds(10), Duration.ofSeconds(3),
                Duration.ofMillis(1200), Duration.ofMillis(700), Duration.ofMillis(400), Duration.ofMillis(250),
                0.62, 0.5, 0.95, 0.25, 0.35, 15, 45, 215, 12, 0.06, null);
    }

    public SessionSettings withFlashMode(FlashMode m) {
        return new SessionSettings(m, alignHold, idleTimeout, resultHold, expressCapture, preRoll, postRoll, faceLossGrace,
                ovalHeightFraction, minFaceFraction, maxFaceFraction, centerTolerance, maxYaw, maxRollDegrees,
                minBrightness, maxBrightness, minSharpness, maxMotion, null);
    }

    /** Runs the challenge of a recording: mode and times from the timeline. */
    public SessionSettings withFixedTimeline(ColourTimeline t) {
        return new SessionSettings(t.mode(), alignHold, idleTimeout, resultHold, expressCapture, preRoll, postRoll, faceLossGrace,
                ovalHeightFraction, minFaceFraction, maxFaceFraction, centerTolerance, maxYaw, maxRollDegrees,
                minBrightness, maxBrightness, minSharpness, maxMotion, t);
    }

    public SessionSettings withTimeouts(Duration idle, Duration result) {
        return new SessionSettings(flashMode, alignHold, idle, result, expressCapture, preRoll, postRoll, faceLossGrace,
                ovalHeightFraction, minFaceFraction, maxFaceFraction, centerTolerance, maxYaw, maxRollDegrees,
                minBrightness, maxBrightness, minSharpness, maxMotion, fixedTimeline);
    }
}
