package com.clockface.liveness.flash;

import java.util.List;
import java.util.Objects;

/**
 * The planned colour sequence of one challenge. The screen shows step 0 at the start, step i at the sum
 * of the earlier durations, and {@link FlashColour#NEUTRAL} again after the last step. EXPRESS sequences
 * are empty.
 */
public record ColourSequence(FlashMode mode, List<ColourStep> steps) {

    public ColourSequence {
        Objects.requireNonNull(mode, "mode");
        steps = List.copyOf(steps);
        if (mode == FlashMode.EXPRESS && !steps.isEmpty()) throw new IllegalArgumentException("an EXPRESS challenge shows no colours");
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).colour().equals(steps.get(i - 1).colour())) {
                throw new IllegalArgumentException("neighbouring steps " + (i - 1) + " and " + i + " show the same colour");
            }
        }
    }

    public int size() { return steps.size(); }

    public boolean isEmpty() { return steps.isEmpty(); }

    public int totalMillis() {
        return steps.stream().mapToInt(ColourStep::durationMillis).sum();
    }

    /** Start of step i in milliseconds from the start of the challenge. */
    public int startMillis(int i) {
        int t = 0;
        for (int k = 0; k < i; k++) t += steps.get(k).durationMillis();
        return t;
    }

    /** The timeline a perfect screen would produce if the challenge started at {@code startNanos}. */
    public ColourTimeline nominalTimeline(long startNanos) {
        ColourTimeline.Builder b = ColourTimeline.builder(mode);
        for (int i = 0; i < steps.size(); i++) {
            b.painted(steps.get(i).colour(), startNanos + startMillis(i) * 1_000_000L);
        }
        return b.finish(startNanos + totalMillis() * 1_000_000L);
    }
}
