package com.clockface.liveness.flash;

import java.util.Objects;

/** One planned step of a challenge: a colour and how long to show it. */
public record ColourStep(FlashColour colour, int durationMillis) {
    public ColourStep {
        Objects.requireNonNull(colour, "colour");
        if (durationMillis <= 0) throw new IllegalArgumentException("step duration must be positive, got " + durationMillis);
    }
}
