package com.clockface.checkin;

import com.clockface.liveness.LivenessFusion;
import com.clockface.liveness.LivenessProfile;
import com.clockface.liveness.LivenessResult;
import com.clockface.liveness.PassiveLivenessScorer;
import com.clockface.liveness.flash.FlashResponseAnalyzer;
import com.clockface.liveness.flash.FlashResult;
import com.clockface.liveness.injection.InjectionAnalyzer;
import com.clockface.liveness.injection.InjectionReport;
import com.clockface.vision.Face;
import com.clockface.vision.Frame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The liveness half of a check-in, from the capture alone (no database): picks the best frames, runs passive
 * PAD on them, the flash response analysis on all frames and the injection signals, and fuses them with
 * {@link LivenessFusion}. The same code re-analyses a capsule, which is why it needs nothing else.
 */
public final class LivenessAssessor {

    /** Frames scored by passive PAD: enough for a robust median, few enough to stay fast (about 20 ms each). */
    public static final int PAD_FRAMES = 7;
    /** Frames whose embeddings are averaged for identification. */
    public static final int EMBED_FRAMES = 3;
    /** Below this many frames with a face there is no verdict (ERROR). */
    public static final int MIN_FACE_FRAMES = 3;

    private final PassiveLivenessScorer passive;
    private final FlashResponseAnalyzer flash = new FlashResponseAnalyzer();

    /** @param passive the engine's scorer ({@code FaceEngine.scorer()}), the same one single-image liveness uses */
    public LivenessAssessor(PassiveLivenessScorer passive) {
        this.passive = passive;
    }

    /**
     * @param best         indices into the capture's frames, best first (identification uses the first few)
     * @param passiveScores the passive score of each of the first {@link #PAD_FRAMES} of {@code best}
     * @param flash        null in EXPRESS mode
     */
    public record Assessment(LivenessResult liveness, FlashResult flash, InjectionReport injection, List<Integer> best,
                             double[] passiveScores) {
        public int bestFrame() { return best.isEmpty() ? -1 : best.get(0); }
    }

    public Assessment assess(SessionCapture c, LivenessProfile profile) {
        List<Integer> best = bestFrames(c);
        InjectionReport injection = c.frames().size() >= 2 ? InjectionAnalyzer.analyze(c.camera(), c.frames(), c.cameraTimes()) : null;
        if (best.size() < MIN_FACE_FRAMES) {
            return new Assessment(LivenessResult.error(best.isEmpty() ? "No face was seen. Please look at the camera."
                    : "The face was seen too briefly. Please try again."), null, injection, best, new double[0]);
        }
        int n = Math.min(PAD_FRAMES, best.size());
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            int k = best.get(i);
            scores[i] = passive.score(c.frames().get(k).image(), c.faces().get(k)).probability();
        }
        FlashResult fr = c.timeline().size() == 0 ? null : flash.analyze(c.timeline(), c.frames(), c.faces());
        LivenessResult live = LivenessFusion.fuse(scores, fr, injection, profile);
        return new Assessment(live, fr, injection, best, scores);
    }

    /**
     * Frames with a face, best first: detector confidence times sharpness (saturating) times frontality.
     * Ties keep capture order, so the choice is deterministic.
     */
    static List<Integer> bestFrames(SessionCapture c) {
        List<Integer> idx = new ArrayList<>();
        double[] q = new double[c.frames().size()];
        for (int i = 0; i < c.frames().size(); i++) {
            Face f = c.faces().get(i);
            if (f == null) continue;
            Frame fr = c.frames().get(i);
            double[] stats = FaceCheck.lumaStats(fr.image(), f);
            double sharp = Double.isNaN(stats[1]) ? 0 : Math.min(1, stats[1] / 60.0);
            double frontal = Math.max(0, 1 - Math.abs(FaceCheck.yaw(f)) - Math.abs(FaceCheck.rollDegrees(f)) / 45);
            q[i] = f.score() * (0.5 + 0.5 * sharp) * (0.5 + 0.5 * frontal);
            idx.add(i);
        }
        idx.sort(Comparator.comparingDouble((Integer i) -> -q[i]).thenComparingInt(i -> i));
        return idx;
    }
}
