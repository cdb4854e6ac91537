package com.clockface.liveness.flash;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the screen actually showed during a challenge: each colour with the time it was painted, as the
 * screen reported it, on the same clock as {@code vision.Frame.timeNanos}; and the time the neutral screen
 * came back ({@code endNanos}). Colour i is on screen from {@code steps[i].paintedNanos} until the next
 * paint (or {@code endNanos}). This, not the plan, is what the analyser compares the camera frames with,
 * because a real screen lands each switch on its next refresh. Stored as JSON in capsules and read by
 * {@code --timeline FILE}.
 */
public record ColourTimeline(FlashMode mode, List<PaintedColour> steps, long endNanos) {

    /** One colour as painted. */
    public record PaintedColour(FlashColour colour, long paintedNanos) {
        public PaintedColour {
            Objects.requireNonNull(colour, "colour");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public ColourTimeline {
        if (mode == null) throw new IllegalArgumentException("timeline has no mode");
        if (steps == null) throw new IllegalArgumentException("timeline has no steps list");
        steps = List.copyOf(steps);
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).paintedNanos() <= steps.get(i - 1).paintedNanos()) {
                throw new IllegalArgumentException("timeline step " + i + " was painted at " + steps.get(i).paintedNanos()
                        + " ns, not after step " + (i - 1) + " at " + steps.get(i - 1).paintedNanos() + " ns");
            }
        }
        if (!steps.isEmpty() && endNanos <= steps.get(steps.size() - 1).paintedNanos()) {
            throw new IllegalArgumentException("timeline ends at " + endNanos + " ns, not after its last step");
        }
    }

    public static Builder builder(FlashMode mode) {
        return new Builder(mode);
    }

    /** Number of painted steps. */
    public int size() { return steps.size(); }

    public FlashColour colour(int i) { return steps.get(i).colour(); }

    public long startNanos(int i) { return steps.get(i).paintedNanos(); }

    /** When step i left the screen. */
    public long endNanos(int i) {
        return i + 1 < steps.size() ? steps.get(i + 1).paintedNanos() : endNanos;
    }

    /** Index of the step on screen at {@code nanos}, or -1 before the first paint and from {@code endNanos} on. */
    public int indexAt(long nanos) {
        if (steps.isEmpty() || nanos < steps.get(0).paintedNanos() || nanos >= endNanos) return -1;
        int lo = 0, hi = steps.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (steps.get(mid).paintedNanos() <= nanos) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** The colour on screen at {@code nanos}: a step's colour, else {@code outside} (the kiosk's resting colour). */
    public FlashColour colourAt(long nanos, FlashColour outside) {
        int i = indexAt(nanos);
        return i < 0 ? outside : steps.get(i).colour();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write timeline as JSON", e);
        }
    }

    /** Parses a timeline; malformed or inconsistent JSON gives an IllegalArgumentException saying what is wrong. */
    public static ColourTimeline fromJson(String json) {
        try {
            ColourTimeline t = JSON.readValue(json, ColourTimeline.class);
            if (t == null) throw new IllegalArgumentException("not a colour timeline: empty JSON");
            return t;
        } catch (JsonProcessingException e) {
            Throwable c = e.getCause();
            if (c instanceof IllegalArgumentException iae) throw new IllegalArgumentException("not a valid colour timeline: " + iae.getMessage(), e);
            throw new IllegalArgumentException("not a valid colour timeline: " + e.getOriginalMessage(), e);
        }
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, toJson());
    }

    public static ColourTimeline read(Path file) throws IOException {
        try {
            return fromJson(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Collects paints as the screen reports them. */
    public static final class Builder {
        private final FlashMode mode;
        private final List<PaintedColour> steps = new ArrayList<>();

        private Builder(FlashMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
        }

        public Builder painted(FlashColour colour, long paintedNanos) {
            steps.add(new PaintedColour(colour, paintedNanos));
            return this;
        }

        public ColourTimeline finish(long endNanos) {
            return new ColourTimeline(mode, steps, endNanos);
        }
    }
}
