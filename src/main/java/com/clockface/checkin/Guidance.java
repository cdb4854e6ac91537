package com.clockface.checkin;

/**
 * What the person in front of the kiosk should do now: a stable code (for translations, icons, tests) and
 * an English sentence the screen may show as is. The first ten are alignment problems, in the order the
 * session checks them; the last four say what the session is doing.
 */
public enum Guidance {
    NO_FACE("Step in front of the camera."),
    MULTIPLE_FACES("One person at a time, please."),
    TOO_DARK("It is too dark. Face the light."),
    TOO_BRIGHT("Too much light behind or on you. Step out of the glare."),
    MOVE_CLOSER("Move closer."),
    MOVE_BACK("Move back a little."),
    CENTER_FACE("Put your face in the oval."),
    LOOK_STRAIGHT("Look straight at the screen."),
    BLURRY("Hold still, the picture is blurred."),
    HOLD_STILL("Hold still."),
    /** Aligned, counting the steady period before the challenge starts. */
    ALIGNED("Perfect. Keep still..."),
    /** The colour challenge is on screen. */
    FLASHING("Keep looking at the screen."),
    /** Scores, identification and the punch are being worked out. */
    ANALYSING("One moment..."),
    /** The result is in {@link SessionView#result()}; its message is what to show. */
    DONE("Done.");

    private final String sentence;

    Guidance(String sentence) {
        this.sentence = sentence;
    }

    public String sentence() { return sentence; }

    /** True for the codes that mean "the face is not usable yet". */
    public boolean isProblem() { return ordinal() <= HOLD_STILL.ordinal(); }
}
