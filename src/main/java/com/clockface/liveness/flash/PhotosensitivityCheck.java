package com.clockface.liveness.flash;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * WCAG 2.3.1 "Three Flashes or Below Threshold" for a full-screen colour sequence. The flash covers the
 * whole screen, so the area exemption never applies and only the counts matter.
 * <ul>
 * <li>General flash: a pair of opposing changes in relative luminance of at least 0.1 (10% of the maximum)
 *     where the darker state is below 0.80.</li>
 * <li>Red flash: a pair of opposing transitions involving a saturated red: one end has R/(R+G+B) &gt;= 0.8 and
 *     the change in (R-G-B)*320 (negative values set to zero) is more than 20; R, G, B linear 0..1.</li>
 * </ul>
 * Consecutive changes in the same direction form one transition (a ramp over two steps is one change),
 * as flash analysers do. A window passes when it holds at most 6 qualifying transitions (3 flashes);
 * counting transitions rather than complete pairs errs on the safe side. Windows are 1 s, closed at both
 * ends, and may start anywhere.
 */
public final class PhotosensitivityCheck {

    public static final double GENERAL_MIN_CHANGE = 0.10;
    public static final double GENERAL_DARKER_MAX = 0.80;
    public static final double RED_RATIO_MIN = 0.80;
    public static final double RED_MIN_CHANGE = 20.0;
    public static final int MAX_TRANSITIONS_PER_SECOND = 6;
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private PhotosensitivityCheck() {}

    /** A colour that is on screen from {@code timeNanos} until the next state's time. */
    public record TimedColour(long timeNanos, FlashColour colour) {}

    /**
     * @param maxGeneralTransitions most qualifying luminance transitions in any 1 s window
     * @param maxRedTransitions most qualifying saturated-red transitions in any 1 s window
     */
    public record Result(int maxGeneralTransitions, int maxRedTransitions, int generalTransitions, int redTransitions) {
        /** Flashes (pairs of opposing transitions) in the worst window; a half counts an unpaired transition. */
        public double maxGeneralFlashes() { return maxGeneralTransitions / 2.0; }
        public double maxRedFlashes() { return maxRedTransitions / 2.0; }
        public boolean passes() {
            return maxGeneralTransitions <= MAX_TRANSITIONS_PER_SECOND && maxRedTransitions <= MAX_TRANSITIONS_PER_SECOND;
        }
    }

    /** The planned sequence, framed by {@code surround} before and after (the kiosk's resting colour). */
    public static Result check(ColourSequence sequence, FlashColour surround) {
        return check(sequence.nominalTimeline(0), surround);
    }

    /** What a screen showed, framed by {@code surround} before the first paint and from the end on. */
    public static Result check(ColourTimeline timeline, FlashColour surround) {
        List<TimedColour> states = new ArrayList<>();
        if (timeline.size() == 0) return new Result(0, 0, 0, 0);
        states.add(new TimedColour(Long.MIN_VALUE, surround));
        for (ColourTimeline.PaintedColour p : timeline.steps()) states.add(new TimedColour(p.paintedNanos(), p.colour()));
        states.add(new TimedColour(timeline.endNanos(), surround));
        return check(states);
    }

    /** States in time order; each change happens at the later state's time. */
    public static Result check(List<TimedColour> states) {
        List<Long> general = transitions(states, FlashColour::relativeLuminance, PhotosensitivityCheck::generalQualifies);
        List<Long> red = transitions(states, FlashColour::redValue, PhotosensitivityCheck::redQualifies);
        return new Result(maxInWindow(general), maxInWindow(red), general.size(), red.size());
    }

    private interface Qualifier {
        boolean test(FlashColour from, FlashColour to, double fromValue, double toValue);
    }

    private static boolean generalQualifies(FlashColour from, FlashColour to, double a, double b) {
        return Math.abs(b - a) >= GENERAL_MIN_CHANGE && Math.min(a, b) < GENERAL_DARKER_MAX;
    }

    private static boolean redQualifies(FlashColour from, FlashColour to, double a, double b) {
        boolean saturated = from.redRatio() >= RED_RATIO_MIN || to.redRatio() >= RED_RATIO_MIN;
        return saturated && Math.abs(b - a) > RED_MIN_CHANGE;
    }

    /**
     * Merges the value series into monotone runs and returns the time of each run that qualifies. A run's
     * time is its last change: the moment the transition is complete.
     */
    private static List<Long> transitions(List<TimedColour> states, ToDoubleFunction<FlashColour> value, Qualifier q) {
        List<Long> out = new ArrayList<>();
        if (states.size() < 2) return out;
        int runStart = 0;
        int lastChange = 0;
        int dir = 0;
        for (int i = 1; i < states.size(); i++) {
            double prev = value.applyAsDouble(states.get(i - 1).colour());
            double cur = value.applyAsDouble(states.get(i).colour());
            int d = Double.compare(cur, prev);
            if (d == 0) continue;
            if (dir != 0 && d != dir) {
                closeRun(states, runStart, lastChange, value, q, out);
                runStart = lastChange;
            }
            dir = d;
            lastChange = i;
        }
        if (dir != 0) closeRun(states, runStart, lastChange, value, q, out);
        return out;
    }

    private static void closeRun(List<TimedColour> states, int from, int to, ToDoubleFunction<FlashColour> value,
                                 Qualifier q, List<Long> out) {
        FlashColour a = states.get(from).colour(), b = states.get(to).colour();
        if (q.test(a, b, value.applyAsDouble(a), value.applyAsDouble(b))) out.add(states.get(to).timeNanos());
    }

    private static int maxInWindow(List<Long> times) {
        int best = 0;
        int lo = 0;
        for (int hi = 0; hi < times.size(); hi++) {
            while (times.get(hi) - times.get(lo) > WINDOW_NANOS) lo++;
            best = Math.max(best, hi - lo + 1);
        }
        return best;
    }
}
