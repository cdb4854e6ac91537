package com.clockface.liveness.flash;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Draws a fresh colour sequence for every check-in from a {@link SecureRandom}, so a recording of an earlier
 * session follows a different sequence than the one on screen now.
 * <ul>
 * <li>STANDARD: 5-8 steps from the saturated palette, 250-550 ms each, 1.9-2.3 s in total.</li>
 * <li>GENTLE: 5-6 steps from the palette blended halfway to grey, 400-700 ms each, 2.4-3.2 s in total.</li>
 * <li>EXPRESS: no steps.</li>
 * </ul>
 * Neighbours always differ; a sequence uses at least 4 distinct colours whose chroma directions span the
 * chroma plane (so the response can be correlated in 2-D, not along one line). Steps of 250 ms or more
 * allow at most 5 transitions in any second, so every sequence is within WCAG 2.3.1 by construction;
 * {@link PhotosensitivityCheck} still checks each one (against the kiosk's resting colour before and after)
 * and a sequence that failed would be redrawn.
 */
public final class ChallengeGenerator {

    private static final FlashColour GREY = new FlashColour("grey", 150, 150, 150);

    static final List<FlashColour> STANDARD_PALETTE = List.of(
            FlashColour.RED, FlashColour.GREEN, FlashColour.BLUE, FlashColour.YELLOW,
            FlashColour.MAGENTA, FlashColour.CYAN, FlashColour.WHITE);

    static final List<FlashColour> GENTLE_PALETTE = STANDARD_PALETTE.stream()
            .map(c -> c.mix(GREY, 0.5, "soft-" + c.name()))
            .toList();

    private record Params(int minSteps, int maxSteps, int minStepMs, int maxStepMs, int minTotalMs, int maxTotalMs) {}

    private static final Params STANDARD = new Params(5, 8, 250, 550, 1900, 2300);
    private static final Params GENTLE = new Params(5, 6, 400, 700, 2400, 3200);
    private static final double MIN_CHROMA_SPREAD = 0.15;
    private static final int MAX_ATTEMPTS = 1000;

    private final SecureRandom random;

    public ChallengeGenerator() {
        this(new SecureRandom());
    }

    public ChallengeGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public static List<FlashColour> palette(FlashMode mode) {
        return switch (mode) {
            case STANDARD -> STANDARD_PALETTE;
            case GENTLE -> GENTLE_PALETTE;
            case EXPRESS -> List.of();
        };
    }

    public ColourSequence generate(FlashMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (mode == FlashMode.EXPRESS) return new ColourSequence(mode, List.of());
        Params p = mode == FlashMode.STANDARD ? STANDARD : GENTLE;
        List<FlashColour> palette = palette(mode);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int n = p.minSteps + random.nextInt(p.maxSteps - p.minSteps + 1);
            List<FlashColour> colours = drawColours(palette, n);
            if (!spansChromaPlane(colours)) continue;
            int[] durations = drawDurations(p, n);
            List<ColourStep> steps = new ArrayList<>(n);
            for (int i = 0; i < n; i++) steps.add(new ColourStep(colours.get(i), durations[i]));
            ColourSequence seq = new ColourSequence(mode, steps);
            if (PhotosensitivityCheck.check(seq, FlashColour.NEUTRAL).passes()) return seq;
        }
        throw new IllegalStateException("could not draw a photosensitivity-safe sequence in " + MAX_ATTEMPTS + " attempts");
    }

    private List<FlashColour> drawColours(List<FlashColour> palette, int n) {
        List<FlashColour> out = new ArrayList<>(n);
        FlashColour prev = null;
        for (int i = 0; i < n; i++) {
            FlashColour c;
            do {
                c = palette.get(random.nextInt(palette.size()));
            } while (c.equals(prev));
            out.add(c);
            prev = c;
        }
        return out;
    }

    private int[] drawDurations(Params p, int n) {
        int minTotal = Math.max(p.minTotalMs, n * p.minStepMs);
        int maxTotal = Math.min(p.maxTotalMs, n * p.maxStepMs);
        if (maxTotal < minTotal) maxTotal = minTotal;
        int total = minTotal + random.nextInt(maxTotal - minTotal + 1);
        int[] d = new int[n];
        java.util.Arrays.fill(d, p.minStepMs);
        int extra = total - n * p.minStepMs;
        // hand the extra time out 10 ms at a time to random steps that are not yet at their maximum
        while (extra > 0) {
            int i = random.nextInt(n);
            int add = Math.min(Math.min(10, extra), p.maxStepMs - d[i]);
            if (add <= 0) continue;
            d[i] += add;
            extra -= add;
        }
        return d;
    }

    /** True when the sequence has 4+ distinct colours whose chroma directions are not close to one line. */
    static boolean spansChromaPlane(List<FlashColour> colours) {
        if (new HashSet<>(colours).size() < 4) return false;
        double mx = 0, my = 0;
        for (FlashColour c : colours) {
            double[] v = c.chromaDirection();
            mx += v[0];
            my += v[1];
        }
        mx /= colours.size();
        my /= colours.size();
        double sxx = 0, syy = 0, sxy = 0;
        for (FlashColour c : colours) {
            double[] v = c.chromaDirection();
            sxx += (v[0] - mx) * (v[0] - mx);
            syy += (v[1] - my) * (v[1] - my);
            sxy += (v[0] - mx) * (v[1] - my);
        }
        double tr = sxx + syy, det = sxx * syy - sxy * sxy;
        double disc = Math.sqrt(Math.max(0, tr * tr / 4 - det));
        double big = tr / 2 + disc, small = tr / 2 - disc;
        return big > 0 && small / big >= MIN_CHROMA_SPREAD;
    }
}
