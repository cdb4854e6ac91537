package com.clockface.liveness.flash;

import com.clockface.vision.BgrImage;
import com.clockface.vision.Face;
import com.clockface.vision.Frame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Does the face in front of the kiosk reflect the colours the kiosk just showed?
 *
 * <h2>Measurement</h2>
 * For every frame with a face: the mean BGR of skin patches placed from the 5 landmarks (both cheeks,
 * the forehead above the eyes, the nose tip; eyes, brows and mouth avoided) and of the background (the
 * frame's sides and top, away from the face box and the body column below it). Clipped pixels are skipped.
 * Each mean becomes a log-chroma point (ln R - ln G, ln B - ln G): exposure changes cancel, white-balance
 * gains become additive offsets. Light from the screen adds, to first order, k * (R_s - G_s, B_s - G_s)
 * (linear screen light) to that point: {@link FlashColour#chromaDirection()}.
 *
 * <h2>Rule</h2>
 * <ol>
 * <li>For each camera delay L in 0..{@value #MAX_DELAY_MS} ms (10 ms steps) each frame is given to the step
 *     on screen at (frame time - L), if that step had already been on screen for the exposure guard;
 *     frames that straddle a switch are left out; frames before/after the sequence form a "neutral" class.</li>
 * <li>Per chroma channel a drift-robust fit: a quadratic trend in time shared by all frames plus one mean
 *     per class (analysis of covariance). The per-step means, centred over the steps, are the response;
 *     their 2-D correlation (Pearson / congruence) with the centred expected directions of the displayed
 *     colours is {@code faceCorrelation}.</li>
 * <li>Per frame: chroma = quadratic trend + k * expected direction of the colour on screen (neutral: none),
 *     one gain k for both channels. {@code faceExplained} is the share of the detrended variance this
 *     explains: a replay that follows another sequence switches inside our steps and explains little even
 *     when its step means happen to correlate. The delay with the most explained variance wins (the middle
 *     of the plateau when several tie within 0.02).</li>
 * <li>At that delay: the face gain k and its standard error, and the same numbers for the background.</li>
 * <li>score = corr * explained * gain * snr * (1 - uniform), each factor a ramp in [0,1]:
 *     corr = (faceCorrelation - 0.3) / 0.3 (a sanity check: step means of a replay correlate by chance up
 *     to about 0.7 with 5-8 steps); explained = (faceExplained - 0.3) / 0.25 (the discriminating one);
 *     gain = (faceGain - 0.015) / 0.015 (a live face 30-50 cm from a bright kiosk screen gives about
 *     0.025-0.09 in the simulator; the glass glint of an emissive phone showing a face mostly under 0.015);
 *     snr = (gain/se - 3) / 5; uniform = (backgroundGain/faceGain - 0.4) / 0.4 when the background also
 *     follows the sequence (correlation above 0.5): a far background barely reflects, a photo or screen
 *     that fills the view responds everywhere alike.</li>
 * <li>INCONCLUSIVE (score 0) when fewer than {@value #MIN_STEPS} steps have {@value #MIN_FRAMES_PER_STEP}+ frames
 *     or fewer than {@value #MIN_FACE_FRAMES} frames have a face; SKIPPED for an EXPRESS (empty) timeline.</li>
 * </ol>
 * What it catches: a recording of another session (it follows another sequence, so the correlation with
 * ours is near zero), an injected stream (no response), an emissive screen (weak response), a print or
 * screen that fills the camera view (uniform response). What it cannot catch alone: a face-sized print
 * or mask held where a face would be, because paper and latex reflect the screen like skin does; passive
 * PAD has to catch those.
 */
public final class FlashResponseAnalyzer {

    public static final double FOLLOWS_THRESHOLD = 0.5;
    public static final int MAX_DELAY_MS = 300;
    public static final int DELAY_STEP_MS = 10;
    /** A frame's exposure integrates light from before its timestamp; skip frames this close after a switch. */
    public static final int EXPOSURE_GUARD_MS = 35;
    public static final int MIN_STEPS = 4;
    public static final int MIN_FRAMES_PER_STEP = 2;
    public static final int MIN_FACE_FRAMES = 10;
    /** Frames this long before the first paint or after the end still help estimate the drift. */
    private static final long MARGIN_NANOS = 700_000_000L;
    private static final int CLIP_LOW = 6, CLIP_HIGH = 250;

    private static final double CORR_LOW = 0.3, CORR_HIGH = 0.6;
    private static final double EXPLAINED_LOW = 0.3, EXPLAINED_HIGH = 0.55;
    private static final double PLATEAU = 0.02;
    private static final double GAIN_LOW = 0.015, GAIN_HIGH = 0.03;
    private static final double SNR_LOW = 3, SNR_HIGH = 8;
    private static final double UNIFORM_LOW = 0.4, UNIFORM_HIGH = 0.8, UNIFORM_MIN_BG_CORR = 0.5;

    /** Mean colour of skin and background in one frame, as log-chroma; NaN where not measurable. */
    record Sample(long timeNanos, double faceC1, double faceC2, double bgC1, double bgC2) {}

    /**
     * @param frames the camera frames captured during (and around) the timeline, in time order
     * @param faces for each frame its face, or null when none was found; same length as {@code frames}
     */
    public FlashResult analyze(ColourTimeline timeline, List<Frame> frames, List<Face> faces) {
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(faces, "faces");
        if (frames.size() != faces.size()) {
            throw new IllegalArgumentException("need one face entry (or null) per frame: " + frames.size() + " frames, " + faces.size() + " faces");
        }
        if (timeline.size() == 0) {
            return new FlashResult(0, FlashResult.Outcome.SKIPPED, -1, Double.NaN, Double.NaN, 0, Map.of("flash.skipped", 1.0));
        }
        long from = timeline.startNanos(0) - MARGIN_NANOS;
        long to = timeline.endNanos() + MAX_DELAY_MS * 1_000_000L + MARGIN_NANOS;
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            Face face = faces.get(i);
            if (face == null || f.timeNanos() < from || f.timeNanos() > to) continue;
            Sample s = measure(f, face);
            if (!Double.isNaN(s.faceC1())) samples.add(s);
        }
        return analyzeSamples(timeline, samples);
    }

    FlashResult analyzeSamples(ColourTimeline timeline, List<Sample> samples) {
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("flash.faceFrames", (double) samples.size());
        if (samples.size() < MIN_FACE_FRAMES) return inconclusive(signals, -1, 0);

        List<Fit> fits = new ArrayList<>();
        double bestExplained = Double.NEGATIVE_INFINITY;
        for (int lag = 0; lag <= MAX_DELAY_MS; lag += DELAY_STEP_MS) {
            Fit fit = fit(timeline, samples, lag * 1_000_000L, true);
            if (fit == null) continue;
            fits.add(fit);
            bestExplained = Math.max(bestExplained, fit.explained);
        }
        if (fits.isEmpty()) return inconclusive(signals, -1, maxUsableSteps(timeline, samples));
        // the explained variance is flat over a few lags (exposure, frame spacing): take the plateau's middle
        double lagSum = 0;
        int lagN = 0;
        for (Fit f : fits) if (f.explained >= bestExplained - PLATEAU) { lagSum += f.lagNanos; lagN++; }
        long centre = Math.round(lagSum / lagN / (DELAY_STEP_MS * 1_000_000.0)) * DELAY_STEP_MS * 1_000_000L;
        Fit best = null;
        for (Fit f : fits) {
            if (f.explained >= bestExplained - PLATEAU
                    && (best == null || Math.abs(f.lagNanos - centre) < Math.abs(best.lagNanos - centre))) best = f;
        }
        Fit bg = fit(timeline, samples, best.lagNanos, false);

        double faceGain = best.gain;
        double snr = best.gainSe > 0 ? faceGain / best.gainSe : 0;
        double bgCorr = bg == null ? Double.NaN : bg.correlation;
        double bgGain = bg == null ? Double.NaN : bg.gain;
        double ratio = bg == null || faceGain <= 0 ? Double.NaN : bgGain / faceGain;

        double corrScore = ramp(best.correlation, CORR_LOW, CORR_HIGH);
        double explainedScore = ramp(best.explained, EXPLAINED_LOW, EXPLAINED_HIGH);
        double gainScore = ramp(faceGain, GAIN_LOW, GAIN_HIGH);
        double snrScore = ramp(snr, SNR_LOW, SNR_HIGH);
        double uniform = 0;
        if (bg != null && bgCorr > UNIFORM_MIN_BG_CORR && faceGain > 0) uniform = ramp(ratio, UNIFORM_LOW, UNIFORM_HIGH);
        double score = corrScore * explainedScore * gainScore * snrScore * (1 - uniform);

        long delayMs = best.lagNanos / 1_000_000L;
        signals.put("flash.delayMs", (double) delayMs);
        signals.put("flash.stepsUsed", (double) best.steps);
        signals.put("flash.framesUsed", (double) best.frames);
        signals.put("flash.faceCorrelation", best.correlation);
        signals.put("flash.faceExplained", best.explained);
        signals.put("flash.backgroundExplained", bg == null ? Double.NaN : bg.explained);
        signals.put("flash.faceGain", faceGain);
        signals.put("flash.faceSnr", snr);
        signals.put("flash.backgroundCorrelation", bgCorr);
        signals.put("flash.backgroundGain", bgGain);
        signals.put("flash.backgroundToFaceGain", ratio);
        signals.put("flash.corrScore", corrScore);
        signals.put("flash.explainedScore", explainedScore);
        signals.put("flash.gainScore", gainScore);
        signals.put("flash.snrScore", snrScore);
        signals.put("flash.uniformPenalty", uniform);
        signals.put("flash.score", score);
        FlashResult.Outcome outcome = score >= FOLLOWS_THRESHOLD ? FlashResult.Outcome.FOLLOWS : FlashResult.Outcome.DOES_NOT_FOLLOW;
        return new FlashResult(score, outcome, delayMs, best.correlation, bgCorr, best.steps, signals);
    }

    private static FlashResult inconclusive(Map<String, Double> signals, long delayMs, int steps) {
        signals.put("flash.stepsUsed", (double) steps);
        signals.put("flash.inconclusive", 1.0);
        return new FlashResult(0, FlashResult.Outcome.INCONCLUSIVE, delayMs, Double.NaN, Double.NaN, steps, signals);
    }

    private static double ramp(double v, double lo, double hi) {
        if (Double.isNaN(v)) return 0;
        return Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
    }

    private static int maxUsableSteps(ColourTimeline timeline, List<Sample> samples) {
        int best = 0;
        for (int lag = 0; lag <= MAX_DELAY_MS; lag += DELAY_STEP_MS) {
            int[] counts = new int[timeline.size()];
            for (Sample s : samples) {
                int c = classOf(timeline, s.timeNanos() - lag * 1_000_000L);
                if (c >= 0) counts[c]++;
            }
            int n = 0;
            for (int k : counts) if (k >= MIN_FRAMES_PER_STEP) n++;
            best = Math.max(best, n);
        }
        return best;
    }

    private static final int NEUTRAL = -2, STRADDLE = -1;

    /** The step index whose light the frame saw at shifted time tau, NEUTRAL outside the sequence, or STRADDLE. */
    private static int classOf(ColourTimeline timeline, long tau) {
        long guard = EXPOSURE_GUARD_MS * 1_000_000L;
        int now = timeline.indexAt(tau);
        int before = timeline.indexAt(tau - guard);
        if (now >= 0) return now == before ? now : STRADDLE;
        // outside the sequence: neutral when the whole exposure missed the sequence
        boolean beforeStart = tau < timeline.startNanos(0);
        boolean wellAfterEnd = tau - guard >= timeline.endNanos();
        return beforeStart || wellAfterEnd ? NEUTRAL : STRADDLE;
    }

    private record Fit(long lagNanos, double correlation, double explained, double gain, double gainSe, int steps, int frames) {}

    /** Degree of the polynomial drift removed jointly with the response (auto exposure / white balance). */
    static final int TREND_DEGREE = 2;

    /**
     * The fit at one delay. Step means: analysis of covariance, one mean per class plus a polynomial trend
     * in time shared by all frames; their centred 2-D correlation with the expected directions. Per frame:
     * y = trend + k * expected(colour on screen), one gain k for both channels, giving the explained share
     * of the variance, k and its standard error. Null when too few steps have frames.
     */
    private static Fit fit(ColourTimeline timeline, List<Sample> samples, long lagNanos, boolean face) {
        int n = timeline.size();
        int classes = n + 1; // steps, then neutral
        double t0 = samples.get(0).timeNanos();
        List<double[]> rows = new ArrayList<>(); // class, t, y1, y2
        double[] cnt = new double[classes];
        for (Sample s : samples) {
            double y1 = face ? s.faceC1() : s.bgC1(), y2 = face ? s.faceC2() : s.bgC2();
            if (Double.isNaN(y1) || Double.isNaN(y2)) continue;
            int c = classOf(timeline, s.timeNanos() - lagNanos);
            if (c == STRADDLE) continue;
            int k = c == NEUTRAL ? n : c;
            rows.add(new double[] {k, (s.timeNanos() - t0) / 1e9, y1, y2});
            cnt[k]++;
        }
        int steps = 0, frames = 0;
        for (int i = 0; i < n; i++) if (cnt[i] >= MIN_FRAMES_PER_STEP) { steps++; frames += (int) cnt[i]; }
        if (steps < MIN_STEPS) return null;
        int m = rows.size();
        int D = TREND_DEGREE;

        // covariates t, t^2 (centred, for conditioning); class means of covariates and of y
        double tc = 0;
        for (double[] r : rows) tc += r[1] / m;
        double[][] x = new double[D][m];
        double[][] y = new double[2][m];
        int[] cls = new int[m];
        for (int f = 0; f < m; f++) {
            double[] r = rows.get(f);
            cls[f] = (int) r[0];
            for (int j = 0; j < D; j++) x[j][f] = Math.pow(r[1] - tc, j + 1);
            y[0][f] = r[2];
            y[1][f] = r[3];
        }
        double[][] xMean = classMeans(x, cls, cnt), yMean = classMeans(y, cls, cnt);
        double[] xAll = new double[D];
        for (int j = 0; j < D; j++) for (int f = 0; f < m; f++) xAll[j] += x[j][f] / m;
        // pooled within-class regression of y on the covariates: the drift, free of the step structure
        double[][] wxx = new double[D][D];
        double[][] wxy = new double[2][D];
        for (int f = 0; f < m; f++) {
            int k = cls[f];
            for (int a = 0; a < D; a++) {
                double da = x[a][f] - xMean[a][k];
                for (int b = 0; b < D; b++) wxx[a][b] += da * (x[b][f] - xMean[b][k]);
                for (int ch = 0; ch < 2; ch++) wxy[ch][a] += da * (y[ch][f] - yMean[ch][k]);
            }
        }
        double[][] beta = {solve(wxx, wxy[0]), solve(wxx, wxy[1])};

        // trend-adjusted step means, centred over the usable steps, against the expected directions
        double[][] o = new double[n][], e = new double[n][];
        double[] om = new double[2], em = new double[2];
        for (int i = 0; i < n; i++) {
            if (cnt[i] < MIN_FRAMES_PER_STEP) continue;
            o[i] = new double[2];
            for (int ch = 0; ch < 2; ch++) {
                double adj = yMean[ch][i];
                for (int j = 0; j < D; j++) adj -= beta[ch][j] * (xMean[j][i] - xAll[j]);
                o[i][ch] = adj;
            }
            e[i] = timeline.colour(i).chromaDirection();
            for (int ch = 0; ch < 2; ch++) { om[ch] += o[i][ch] / steps; em[ch] += e[i][ch] / steps; }
        }
        double soe = 0, soo = 0, see = 0;
        for (int i = 0; i < n; i++) {
            if (o[i] == null) continue;
            for (int ch = 0; ch < 2; ch++) {
                double a = o[i][ch] - om[ch], b = e[i][ch] - em[ch];
                soe += a * b;
                soo += a * a;
                see += b * b;
            }
        }
        double corr = soo > 0 && see > 0 ? soe / Math.sqrt(soo * see) : 0;

        // per-frame model: y = trend + k * expected(colour on screen); one gain k for both channels
        double[] neutralDir = FlashColour.NEUTRAL.chromaDirection();
        double[][] basis = new double[D + 1][m];
        for (int f = 0; f < m; f++) {
            basis[0][f] = 1;
            for (int j = 0; j < D; j++) basis[j + 1][f] = x[j][f];
        }
        orthonormalise(basis);
        double syy = 0, sye = 0, sEe = 0;
        for (int ch = 0; ch < 2; ch++) {
            double[] yy = y[ch].clone(), ee = new double[m];
            for (int f = 0; f < m; f++) {
                int k = cls[f];
                ee[f] = (k == n ? neutralDir : timeline.colour(k).chromaDirection())[ch];
            }
            residualise(basis, yy);
            residualise(basis, ee);
            for (int f = 0; f < m; f++) {
                syy += yy[f] * yy[f];
                sye += yy[f] * ee[f];
                sEe += ee[f] * ee[f];
            }
        }
        double gain = sEe > 0 ? sye / sEe : 0;
        double ssRes = syy - gain * sye;
        double explained = syy > 0 ? Math.signum(gain) * (1 - ssRes / syy) : 0;
        int dofModel = 2 * m - 2 * (D + 1) - 1;
        double se = sEe > 0 && dofModel > 0 ? Math.sqrt(Math.max(0, ssRes) / dofModel / sEe) : Double.POSITIVE_INFINITY;
        return new Fit(lagNanos, corr, explained, gain, se, steps, frames);
    }

    private static double[][] classMeans(double[][] v, int[] cls, double[] cnt) {
        double[][] out = new double[v.length][cnt.length];
        for (int j = 0; j < v.length; j++) {
            for (int f = 0; f < cls.length; f++) out[j][cls[f]] += v[j][f];
            for (int k = 0; k < cnt.length; k++) if (cnt[k] > 0) out[j][k] /= cnt[k];
        }
        return out;
    }

    /** Solves a small symmetric system by Gaussian elimination; a singular one (no drift information) gives 0. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
            double[] tmp = m[c]; m[c] = m[p]; m[p] = tmp;
            if (Math.abs(m[c][c]) < 1e-12) return new double[n];
            for (int r = 0; r < n; r++) {
                if (r == c) continue;
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) m[r][k] -= f * m[c][k];
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = m[i][n] / m[i][i];
        return out;
    }

    /** Gram-Schmidt, in place; a vector dependent on the earlier ones becomes zero. */
    private static void orthonormalise(double[][] basis) {
        for (int i = 0; i < basis.length; i++) {
            for (int j = 0; j < i; j++) {
                double d = dot(basis[i], basis[j]);
                for (int f = 0; f < basis[i].length; f++) basis[i][f] -= d * basis[j][f];
            }
            double norm = Math.sqrt(dot(basis[i], basis[i]));
            for (int f = 0; f < basis[i].length; f++) basis[i][f] = norm > 1e-12 ? basis[i][f] / norm : 0;
        }
    }

    /** Removes from z its projection on the orthonormal basis, in place. */
    private static void residualise(double[][] basis, double[] z) {
        for (double[] q : basis) {
            double d = dot(z, q);
            for (int f = 0; f < z.length; f++) z[f] -= d * q[f];
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    // ---- measurement -------------------------------------------------------------------------------

    static Sample measure(Frame frame, Face face) {
        BgrImage img = frame.image();
        double[] skin = new double[4]; // sumB, sumG, sumR, count
        double d = face.interEyeDistance();
        if (d < 8) return new Sample(frame.timeNanos(), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double ex = (face.landmarkX(Face.RIGHT_EYE) + face.landmarkX(Face.LEFT_EYE)) / 2;
        double ey = (face.landmarkY(Face.RIGHT_EYE) + face.landmarkY(Face.LEFT_EYE)) / 2;
        double mx = (face.landmarkX(Face.RIGHT_MOUTH) + face.landmarkX(Face.LEFT_MOUTH)) / 2;
        double my = (face.landmarkY(Face.RIGHT_MOUTH) + face.landmarkY(Face.LEFT_MOUTH)) / 2;
        // unit vectors along the eye line (image right) and down the face
        double ux = (face.landmarkX(Face.LEFT_EYE) - face.landmarkX(Face.RIGHT_EYE)) / d;
        double uy = (face.landmarkY(Face.LEFT_EYE) - face.landmarkY(Face.RIGHT_EYE)) / d;
        double vx = mx - ex, vy = my - ey;
        double em = Math.hypot(vx, vy);
        if (em < 4) return new Sample(frame.timeNanos(), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        vx /= em;
        vy /= em;
        double r = 0.14 * d;
        // cheeks: below each eye, half-way to the mouth line, a little outward; forehead: above the brows;
        // nose tip: between the nostrils' top and the tip, the skin with the most direct view of the screen
        for (int side : new int[] {-1, 1}) {
            double cx = ex + side * 0.55 * d * ux + 0.55 * em * vx;
            double cy = ey + side * 0.55 * d * uy + 0.55 * em * vy;
            accumulate(img, cx, cy, r, skin);
        }
        accumulate(img, ex - 0.55 * em * vx, ey - 0.55 * em * vy, r, skin);
        accumulate(img, face.landmarkX(Face.NOSE) - 0.1 * em * vx, face.landmarkY(Face.NOSE) - 0.1 * em * vy, 0.6 * r, skin);
        double[] bg = new double[4];
        accumulateBackground(img, face, bg);
        double[] fc = chroma(skin, 30);
        double[] bc = chroma(bg, 200);
        return new Sample(frame.timeNanos(), fc[0], fc[1], bc[0], bc[1]);
    }

    private static void accumulate(BgrImage img, double cx, double cy, double r, double[] acc) {
        int x0 = (int) Math.round(cx - r), x1 = (int) Math.round(cx + r);
        int y0 = (int) Math.round(cy - r), y1 = (int) Math.round(cy + r);
        for (int y = Math.max(0, y0); y <= Math.min(img.height() - 1, y1); y++) {
            for (int x = Math.max(0, x0); x <= Math.min(img.width() - 1, x1); x++) add(img, x, y, acc);
        }
    }

    private static void add(BgrImage img, int x, int y, double[] acc) {
        byte[] data = img.data();
        int i = (y * img.width() + x) * 3;
        int b = data[i] & 0xFF, g = data[i + 1] & 0xFF, r = data[i + 2] & 0xFF;
        if (b < CLIP_LOW || g < CLIP_LOW || r < CLIP_LOW || b > CLIP_HIGH || g > CLIP_HIGH || r > CLIP_HIGH) return;
        acc[0] += b;
        acc[1] += g;
        acc[2] += r;
        acc[3]++;
    }

    /**
     * Background: the frame's left and right thirds beside the head (more than 0.6 face widths from the
     * box) and the band above the head, skipping the column below the face where neck and shoulders are
     * as close to the screen as the face. Every 3rd pixel is enough for a mean.
     */
    private static void accumulateBackground(BgrImage img, Face face, double[] acc) {
        double left = face.x() - 0.6 * face.width(), right = face.x() + 1.6 * face.width();
        double top = face.y() - 0.45 * face.height();
        for (int y = 1; y < img.height(); y += 3) {
            for (int x = 1; x < img.width(); x += 3) {
                boolean beside = x < left || x > right;
                if (beside || y < top) add(img, x, y, acc);
            }
        }
    }

    private static double[] chroma(double[] acc, int minPixels) {
        if (acc[3] < minPixels) return new double[] {Double.NaN, Double.NaN};
        double b = acc[0] / acc[3], g = acc[1] / acc[3], r = acc[2] / acc[3];
        return new double[] {Math.log(r) - Math.log(g), Math.log(b) - Math.log(g)};
    }
}
