package com.clockface.liveness;

import com.clockface.liveness.flash.FlashResult;
import com.clockface.liveness.injection.InjectionReport;
import com.clockface.liveness.injection.SignalResult;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The check-in's final liveness score in [0,1], from three independent kinds of evidence:
 * <pre>
 *   passive = median of the 3 highest MiniFASNet scores among the best frames of the capture
 *   cap     = 1                               no challenge (EXPRESS) or the flash analysis was skipped
 *           = 0.6                             challenge ran but the analysis was INCONCLUSIVE (never SUCCESS unverified)
 *           = min(1, 0.3 + 1.4 * flash)       otherwise: flash 0 (did not follow) caps at 0.3, 0.5 (FOLLOWS) at 1
 *   score   = min(passive, cap) * (1 - injectionRisk)
 * </pre>
 * Each part can only lower the score: a print that reflects the flash like skin is still caught by passive PAD, a
 * replay of an earlier session that fools passive PAD does not follow this session's colours, and an injected
 * stream is caught by its signals (risk = 1 - prod(1 - weight) of the fired ones, see InjectionAnalyzer).
 * Why "median of the top 3": single frames of a live person swing widely (0.06-0.98 on videos/live/00001 at
 * one frame in three) with blur and pose, while a screen replay stays low in nearly every frame (below 0.12 in
 * 96% of the frames of videos/replay/00002); the median of the best three ignores a few bad live frames and one
 * lucky spoof frame. The outcome comes from the active {@link LivenessProfile}. Calibration: README, "Liveness fusion".
 */
public final class LivenessFusion {

    public static final int TOP = 3;
    public static final double INCONCLUSIVE_CAP = 0.6;
    public static final double CAP_FLOOR = 0.3;
    public static final double CAP_SLOPE = 1.4;

    private LivenessFusion() {}

    /** Median of the {@link #TOP} highest scores (all of them when fewer); NaN for none. */
    public static double passive(double[] frameScores) {
        if (frameScores.length == 0) return Double.NaN;
        double[] s = frameScores.clone();
        Arrays.sort(s);
        int n = Math.min(TOP, s.length);
        double[] top = Arrays.copyOfRange(s, s.length - n, s.length);
        return n % 2 == 1 ? top[n / 2] : (top[n / 2 - 1] + top[n / 2]) / 2;
    }

    /** The cap the flash result puts on the score (1 when there was no challenge). */
    public static double flashCap(FlashResult flash) {
        if (flash == null || flash.outcome() == FlashResult.Outcome.SKIPPED) return 1;
        if (flash.outcome() == FlashResult.Outcome.INCONCLUSIVE) return INCONCLUSIVE_CAP;
        return Math.min(1, CAP_FLOOR + CAP_SLOPE * flash.score());
    }

    /**
     * @param frameScores passive P(real) of each scored frame (at least one)
     * @param flash       the flash analysis, or null in EXPRESS mode
     * @param injection   the injection signals of the same frames, or null when not measured
     */
    public static LivenessResult fuse(double[] frameScores, FlashResult flash, InjectionReport injection, LivenessProfile profile) {
        if (frameScores.length == 0) return LivenessResult.error("No frame with a usable face to judge liveness.");
        double passive = passive(frameScores);
        double cap = flashCap(flash);
        double risk = injection == null ? 0 : injection.risk();
        double score = Math.max(0, Math.min(1, Math.min(passive, cap) * (1 - risk)));
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("pad.passive", passive);
        signals.put("pad.frames", (double) frameScores.length);
        signals.put("flash.cap", cap);
        if (flash != null) {
            signals.put("flash.score", flash.score());
            signals.putAll(flash.signals());
        }
        signals.put("injection.risk", risk);
        if (injection != null) {
            List<SignalResult> all = injection.signals();
            for (SignalResult r : all) {
                signals.put("injection." + r.signal().name().toLowerCase(Locale.ROOT), r.fired() ? 1.0 : 0.0);
            }
            signals.put("injection.fps", injection.measuredFps());
        }
        return LivenessResult.of(score, profile, signals);
    }
}
