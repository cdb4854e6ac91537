package com.clockface.liveness.injection;

import com.clockface.vision.BgrImage;
import com.clockface.vision.CameraInfo;
import com.clockface.vision.Frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Looks at the camera description and the frames of one check-in session for signs that the stream
 * is injected (virtual camera, replayed file, still or rendered picture) rather than captured by a
 * sensor now. Feed frames in capture order with {@link #accept(Frame)} (about 1.5-2 ms per 640x480
 * frame) and read {@link #report()} at any time; or call {@link #analyze(CameraInfo, Iterable)}.
 *
 * <p>Feed <b>every captured frame</b>, e.g. from the capture thread's frame hook, not only the frames a
 * slower face analysis picked from the latest-frame slot: otherwise LOW_FPS measures the analysis
 * rate and the gaps look like timing problems. Or feed the analysed frames and hand the capture times of
 * every frame to {@link #cameraTimes(long[])} (what the kiosk does). Handing the same {@link Frame} object in twice is
 * ignored (a consumer re-reading a slot), a different object with the same pixels is not.
 *
 * <p>All pixel statistics use the green channel: it carries most of the luminance and, unlike a
 * computed luma, adds no rounding noise of its own (which would hide a noise-free picture).
 * One analyzer per session; {@code accept} and {@code report} may be called from different threads.
 */
public final class InjectionAnalyzer {

    // ---- VIRTUAL_CAMERA ---------------------------------------------------------------------------
    /**
     * Names of virtual/software cameras (matched case-insensitively anywhere in the device name). These are the common tools that feed a file, a screen or a deep-fake into apps.
     */
    static final Pattern VIRTUAL_NAMES = Pattern.compile(
            "virtual|\\bobs\\b|obs-camera|manycam|v4l2loopback|loopback|dummy|snap camera|xsplit|splitcam|droidcam"
                    + "|iriun|epoccam|camtwist|youcam|e2esoft|\\bvcam|fake|mmhmm|avatarify|chromacam|nvidia broadcast"
                    + "|\\bcamo\\b|akvcam|unity video capture|screen capture",
            Pattern.CASE_INSENSITIVE);

    // ---- LOW_FPS ----------------------------------------------------------------------------------
    /** Below 15 fps the flash challenge has too few frames per colour, and cheap injectors run slow. */
    public static final double MIN_FPS = 15.0;
    /**
     * Slack under MIN_FPS: a 15 fps camera whose timestamps are rounded to the millisecond measures
     * 14.99 fps (seen on the live recordings), and it is not "below 15". Fires under 14.25 fps.
     */
    static final double FPS_TOLERANCE = 0.05;
    /** Need this many frames before fps (and other rate-based rules) mean anything. */
    static final int MIN_FRAMES_FOR_TIMING = 10;

    // ---- FROZEN_FRAMES ----------------------------------------------------------------------------
    /**
     * Mean absolute green difference between consecutive frames below which they count as the same
     * picture. Sensor noise alone (sigma of 1-3 levels) gives about 1.1 x sigma x sqrt(2) ~ 1.5-4 even
     * on a static scene. Compression removes much of it: on the four recordings here the median pair
     * differed by 1.8-7.3, the 5th percentile by 0.56-2.0; only isolated pairs of the 15 fps VP8 clip
     * fell below (minimum 0.19), never a run, which is why the rule below needs a run or a large share.
     */
    public static final double FROZEN_MAD = 0.35;
    /** A run of frozen frames this long (seconds) fires: longer than any encoder hiccup or dropped-frame repeat. */
    public static final double FROZEN_MIN_SECONDS = 0.4;
    /** ...or this fraction of all consecutive pairs frozen (a stream that stutters on a still picture). */
    public static final double FROZEN_MAX_FRACTION = 0.25;

    // ---- REPEATED_FRAMES --------------------------------------------------------------------------
    /**
     * Exact re-appearances (same bytes, different frames in between) that fire. One would already be
     * impossible for a sensor; two make a hash collision or a one-off glitch irrelevant.
     */
    public static final int REPEAT_MIN_EVENTS = 2;

    // ---- LOOPED_CONTENT ---------------------------------------------------------------------------
    /** Thumbnail grid (columns x rows of block means) used as a perceptual hash. */
    static final int THUMB_W = 16, THUMB_H = 12;
    /** Two thumbnails "match" below this mean absolute difference (grey levels): re-encoding changes block means far less. */
    public static final double LOOP_MATCH_DIST = 1.2;
    /**
     * ...while consecutive frames in the matching run must differ by at least this much on average:
     * codec noise alone moves thumbnails by ~0.2 (10th percentile on the live recordings), a person by 0.5-4.
     */
    public static final double LOOP_MIN_MOTION = 0.3;
    /**
     * ...and that motion must be this many times the mean match distance. On the four recordings, the
     * best run of 8+ matching frames at any lag had a ratio of at most 0.72 (a still person matches
     * as closely as neighbouring frames differ); an exact loop has an infinite ratio.
     */
    public static final double LOOP_MOTION_RATIO = 3.0;
    /** Frames that must match in a row: a person can strike a pose twice, not a whole movement. */
    public static final int LOOP_MIN_RUN = 8;
    /** The repeat must come at least this many frames later (otherwise it is just slow motion). */
    static final int LOOP_MIN_LAG = 5;
    /** Frames kept for loop search: 30 s at 30 fps bounds memory (~770 bytes each) and time. */
    static final int MAX_HISTORY = 900;

    // ---- NOISE_ABSENT -----------------------------------------------------------------------------
    /** The spatial noise estimate runs on every n-th frame: it is the costliest statistic and changes slowly. */
    static final int NOISE_EVERY = 5;
    /** Block size for the flat-region noise estimate. */
    static final int NOISE_BLOCK = 16;
    /** Fraction of blocks (the flattest ones) that the noise estimate uses: texture must not count as noise. */
    static final double NOISE_FLAT_FRACTION = 0.2;
    /**
     * Median spatial noise sigma (grey levels) below which a frame carries no visible sensor noise.
     * Raw webcam frames show 1-3; a rendered or smoothed picture sits at the rounding floor (~0.1-0.3).
     * But so do compressed recordings of live people: the VP8 and JPEG data here measured 0.03-0.4,
     * because the codec removes noise in flat regions. So this alone never fires; see below.
     */
    public static final double MIN_NOISE_SIGMA = 0.6;
    /**
     * Median fraction of green values left bit-identical between consecutive frames at or above which
     * the stream has no temporal noise. Sensor noise (and a codec re-quantising it) changes most pixels
     * every frame: the median was 36-70% unchanged on the four recordings (single pairs up to 94%), and
     * 3-23% on NUAA webcam JPEG frames. A still or rendered picture re-sent as a stream leaves (nearly)
     * all of them unchanged, even when a small part of it moves.
     */
    public static final double NOISE_STATIC_FRACTION = 0.9;

    // ---- TIMING_IRREGULAR -------------------------------------------------------------------------
    /** Intervals identical to the nanosecond over this many frames: a player's clock (live devices only). */
    public static final int EXACT_INTERVAL_MIN_FRAMES = 30;
    /**
     * Robust jitter (median absolute deviation of the intervals / median interval) above which timing
     * is "wild". Cameras that drop a frame now and then stay far below; measured 0.0-0.1 on recordings.
     */
    public static final double MAX_JITTER = 0.5;

    // ---- risk -------------------------------------------------------------------------------------
    /**
     * How much each fired signal alone says "injected"; combined as 1 - prod(1 - w). Exact repeats,
     * loops and virtual cameras are near-proof; low fps or odd timing are also seen on weak hardware.
     */
    static final Map<InjectionSignal, Double> WEIGHTS = Map.of(
            InjectionSignal.VIRTUAL_CAMERA, 0.9,
            InjectionSignal.LOW_FPS, 0.4,
            InjectionSignal.FROZEN_FRAMES, 0.8,
            InjectionSignal.REPEATED_FRAMES, 0.9,
            InjectionSignal.LOOPED_CONTENT, 0.9,
            InjectionSignal.NOISE_ABSENT, 0.7,
            InjectionSignal.TIMING_IRREGULAR, 0.5);

    private final CameraInfo camera;

    private final List<Long> times = new ArrayList<>();
    private long[] cameraTimes = new long[0];
    private final List<float[]> thumbs = new ArrayList<>();
    private final List<Double> noise = new ArrayList<>();
    private final List<Double> diffs = new ArrayList<>(); // diffs[i] = MAD between frame i and i+1
    private final List<Double> unchanged = new ArrayList<>(); // fraction of identical green values, frame i vs i+1
    private final Map<Long, Integer> lastIndexOfHash = new HashMap<>();
    private Frame lastFrame;
    private long prevHash;
    private byte[] prevData;
    private int prevW, prevH;
    private int repeats;
    private int frames;

    public InjectionAnalyzer(CameraInfo camera) {
        this.camera = camera;
    }

    public static InjectionReport analyze(CameraInfo camera, Iterable<Frame> frames) {
        return analyze(camera, frames, new long[0]);
    }

    /**
     * As {@link #analyze(CameraInfo, Iterable)}, with the capture times of every camera frame over the same stretch
     * ({@link #cameraTimes(long[])}): the frames themselves may be only those a slower face analysis took.
     */
    public static InjectionReport analyze(CameraInfo camera, Iterable<Frame> frames, long[] cameraTimes) {
        InjectionAnalyzer a = new InjectionAnalyzer(camera);
        a.cameraTimes(cameraTimes);
        for (Frame f : frames) a.accept(f);
        return a.report();
    }

    /**
     * The capture time of every frame the camera delivered over the session, in order. When given (two or more),
     * the rate and timing signals (LOW_FPS, TIMING_IRREGULAR) use them instead of the times of the frames fed to
     * {@link #accept}: a kiosk whose analysis falls behind on a busy CPU must not make its camera look slow.
     */
    public synchronized void cameraTimes(long[] nanos) {
        cameraTimes = nanos == null ? new long[0] : nanos.clone();
    }

    /** The times the rate and timing signals are measured on. */
    private long[] timingTimes() {
        if (cameraTimes.length >= 2) return cameraTimes;
        long[] t = new long[times.size()];
        for (int i = 0; i < t.length; i++) t[i] = times.get(i);
        return t;
    }

    /** Adds the next frame of the session (capture order). */
    public synchronized void accept(Frame frame) {
        if (frame == lastFrame) return;
        lastFrame = frame;
        BgrImage img = frame.image();
        byte[] d = img.data();
        long hash = hash64(d);
        int idx = frames++;
        times.add(frame.timeNanos());

        boolean sameSize = prevData != null && prevW == img.width() && prevH == img.height();
        if (sameSize) {
            if (hash == prevHash && Arrays.equals(d, prevData)) {
                diffs.add(0.0);
                unchanged.add(1.0);
            } else {
                double[] du = diffGreen(d, prevData);
                diffs.add(du[0]);
                unchanged.add(du[1]);
            }
        } else if (prevData != null) {
            diffs.add(Double.MAX_VALUE); // a size change is certainly not a frozen frame
            unchanged.add(0.0);
        }
        // exact re-appearance after different frames in between (not a consecutive duplicate)
        Integer seen = lastIndexOfHash.get(hash);
        if (seen != null && seen < idx - 1 && hash != prevHash) repeats++;
        lastIndexOfHash.put(hash, idx);

        thumbs.add(thumbnail(img));
        if (idx % NOISE_EVERY == 0) noise.add(noiseSigma(img));
        if (thumbs.size() > MAX_HISTORY) {
            thumbs.remove(0);
        }
        prevHash = hash;
        prevData = d;
        prevW = img.width();
        prevH = img.height();
    }

    public synchronized int frameCount() { return frames; }

    /** The signals over all frames so far. */
    public synchronized InjectionReport report() {
        List<SignalResult> out = new ArrayList<>();
        long[] timing = timingTimes();
        double fps = measuredFps(timing);
        out.add(virtualCamera());
        out.add(lowFps(fps, timing.length));
        out.add(frozen());
        out.add(new SignalResult(InjectionSignal.REPEATED_FRAMES, repeats, REPEAT_MIN_EVENTS, repeats >= REPEAT_MIN_EVENTS,
                repeats + " exact frame re-appearance(s) after other frames"));
        out.add(looped());
        out.add(noiseAbsent());
        out.add(timing(timing));
        return new InjectionReport(List.copyOf(out), risk(out), frames, fps);
    }

    /** Combined risk: 1 - prod(1 - weight) over the fired signals (0 when none fired). */
    static double risk(List<SignalResult> results) {
        double keep = 1;
        for (SignalResult r : results) if (r.fired()) keep *= 1 - WEIGHTS.get(r.signal());
        return 1 - keep;
    }

    /** Matches the device name only; a test source's "name" is a file name chosen by whoever made it. */
    private SignalResult virtualCamera() {
        if (camera == null) {
            return new SignalResult(InjectionSignal.VIRTUAL_CAMERA, 0, 1, false, "no camera description given");
        }
        if (camera.testSource()) {
            return new SignalResult(InjectionSignal.VIRTUAL_CAMERA, 0, 1, false, "test source, not a device");
        }
        var m = VIRTUAL_NAMES.matcher(camera.name());
        boolean hit = m.find();
        return new SignalResult(InjectionSignal.VIRTUAL_CAMERA, hit ? 1 : 0, 1, hit,
                hit ? "device \"" + camera.name() + "\" looks like a virtual camera (\"" + m.group() + "\")"
                        : "device name is not a known virtual camera");
    }

    private static double measuredFps(long[] times) {
        if (times.length < 2) return 0;
        long span = times[times.length - 1] - times[0];
        return span > 0 ? (times.length - 1) * 1e9 / span : 0;
    }

    private SignalResult lowFps(double fps, int timed) {
        boolean enough = timed >= MIN_FRAMES_FOR_TIMING;
        boolean fired = enough && fps < MIN_FPS * (1 - FPS_TOLERANCE);
        return new SignalResult(InjectionSignal.LOW_FPS, fps, MIN_FPS, fired,
                enough ? String.format(Locale.ROOT, "measured %.1f fps", fps) : "too few frames to measure fps");
    }

    private SignalResult frozen() {
        int frozenPairs = 0, run = 0;
        double longest = 0;
        int runStart = 0;
        for (int i = 0; i < diffs.size(); i++) {
            if (diffs.get(i) < FROZEN_MAD) {
                frozenPairs++;
                if (run == 0) runStart = i;
                run++;
                longest = Math.max(longest, (times.get(i + 1) - times.get(runStart)) / 1e9);
            } else {
                run = 0;
            }
        }
        double fraction = diffs.isEmpty() ? 0 : (double) frozenPairs / diffs.size();
        boolean fired = longest >= FROZEN_MIN_SECONDS || (diffs.size() >= MIN_FRAMES_FOR_TIMING && fraction >= FROZEN_MAX_FRACTION);
        return new SignalResult(InjectionSignal.FROZEN_FRAMES, longest, FROZEN_MIN_SECONDS, fired,
                String.format(Locale.ROOT, "longest frozen run %.2f s, %d of %d frame pairs frozen", longest, frozenPairs, diffs.size()));
    }

    private SignalResult looped() {
        int n = thumbs.size();
        int best = 0, bestLag = 0;
        double bestMotion = 0, bestMatch = 0;
        double[] motion = new double[Math.max(0, n - 1)];
        for (int i = 0; i + 1 < n; i++) motion[i] = thumbDist(thumbs.get(i), thumbs.get(i + 1));
        for (int lag = LOOP_MIN_LAG; lag < n; lag++) {
            int run = 0;
            double matchSum = 0, motionSum = 0;
            for (int i = 0; i + lag < n; i++) {
                double d = thumbDist(thumbs.get(i), thumbs.get(i + lag));
                if (d >= LOOP_MATCH_DIST) {
                    run = 0;
                    matchSum = 0;
                    motionSum = 0;
                    continue;
                }
                run++;
                matchSum += d;
                if (run > 1) motionSum += motion[i - 1];
                if (run >= LOOP_MIN_RUN && run > best) {
                    double meanMotion = motionSum / (run - 1), meanMatch = matchSum / run;
                    if (meanMotion >= LOOP_MIN_MOTION && meanMotion >= LOOP_MOTION_RATIO * meanMatch) {
                        best = run;
                        bestLag = lag;
                        bestMotion = meanMotion;
                        bestMatch = meanMatch;
                    }
                }
            }
        }
        return new SignalResult(InjectionSignal.LOOPED_CONTENT, best, LOOP_MIN_RUN, best >= LOOP_MIN_RUN,
                best > 0 ? String.format(Locale.ROOT, "%d moving frames re-appear %d frames later (motion %.2f, match %.2f)",
                        best, bestLag, bestMotion, bestMatch)
                        : "no repeated moving sequence");
    }

    /**
     * Fires when the frames are noise-free both in space (flat-region sigma below MIN_NOISE_SIGMA) and
     * in time (median unchanged fraction at or above NOISE_STATIC_FRACTION). Value: that median fraction.
     */
    private SignalResult noiseAbsent() {
        double sigma = median(noise.stream().mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).toArray());
        double still = median(unchanged.stream().mapToDouble(Double::doubleValue).toArray());
        if (Double.isNaN(still)) {
            return new SignalResult(InjectionSignal.NOISE_ABSENT, Double.NaN, NOISE_STATIC_FRACTION, false,
                    "too few frames to measure noise");
        }
        boolean spatialClean = Double.isNaN(sigma) || sigma < MIN_NOISE_SIGMA;
        boolean fired = spatialClean && still >= NOISE_STATIC_FRACTION;
        return new SignalResult(InjectionSignal.NOISE_ABSENT, still, NOISE_STATIC_FRACTION, fired,
                String.format(Locale.ROOT, "%.0f%% of pixel values unchanged frame to frame (median), spatial noise sigma %.2f",
                        100 * still, sigma));
    }

    private static double median(double[] v) {
        if (v.length == 0) return Double.NaN;
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private SignalResult timing(long[] times) {
        if (times.length < MIN_FRAMES_FOR_TIMING) {
            return new SignalResult(InjectionSignal.TIMING_IRREGULAR, 0, 1, false, "too few frames to judge timing");
        }
        long[] dt = new long[times.length - 1];
        int nonIncreasing = 0;
        for (int i = 0; i < dt.length; i++) {
            dt[i] = times[i + 1] - times[i];
            if (dt[i] <= 0) nonIncreasing++;
        }
        long[] sorted = dt.clone();
        Arrays.sort(sorted);
        double med = sorted[sorted.length / 2];
        double[] dev = new double[dt.length];
        for (int i = 0; i < dt.length; i++) dev[i] = Math.abs(dt[i] - med);
        Arrays.sort(dev);
        double jitter = med > 0 ? dev[dev.length / 2] / med : Double.POSITIVE_INFINITY;
        boolean exact = camera != null && !camera.testSource() && dt.length >= EXACT_INTERVAL_MIN_FRAMES - 1
                && sorted[0] == sorted[sorted.length - 1];
        int violations = (nonIncreasing > 0 ? 1 : 0) + (jitter > MAX_JITTER ? 1 : 0) + (exact ? 1 : 0);
        List<String> why = new ArrayList<>();
        if (nonIncreasing > 0) why.add(nonIncreasing + " interval(s) not moving forward");
        if (jitter > MAX_JITTER) why.add(String.format(Locale.ROOT, "jitter %.2f of the frame interval", jitter));
        if (exact) why.add("all intervals identical to the nanosecond (a player's clock)");
        String detail = why.isEmpty()
                ? String.format(Locale.ROOT, "regular timing, median interval %.1f ms, jitter %.2f", med / 1e6, jitter)
                : String.join("; ", why);
        return new SignalResult(InjectionSignal.TIMING_IRREGULAR, violations, 1, violations > 0, detail);
    }

    // ---- pixel statistics -------------------------------------------------------------------------

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** 64-bit FNV-style hash over 8-byte words: fast, and collisions over a session's few hundred frames are negligible. */
    static long hash64(byte[] d) {
        long h = 0xcbf29ce484222325L;
        int i = 0;
        for (; i + 8 <= d.length; i += 8) {
            h = (h ^ (long) LONGS.get(d, i)) * 0x100000001b3L;
            h ^= h >>> 29;
        }
        for (; i < d.length; i++) h = (h ^ (d[i] & 0xFF)) * 0x100000001b3L;
        return h;
    }

    /**
     * One pass over the green channel of every other pixel: {mean |a - b|, fraction of values that are
     * bit-identical}. Every other pixel is plenty of samples and halves the cost.
     */
    static double[] diffGreen(byte[] a, byte[] b) {
        long sum = 0, same = 0, n = 0;
        for (int i = 1; i < a.length; i += 6) {
            int d = (a[i] & 0xFF) - (b[i] & 0xFF);
            if (d == 0) same++;
            else sum += d < 0 ? -d : d;
            n++;
        }
        return n == 0 ? new double[] {0, 1} : new double[] {(double) sum / n, (double) same / n};
    }

    /** Block means of the green channel on a THUMB_W x THUMB_H grid. */
    static float[] thumbnail(BgrImage img) {
        int w = img.width(), h = img.height();
        byte[] d = img.data();
        float[] t = new float[THUMB_W * THUMB_H];
        for (int ty = 0; ty < THUMB_H; ty++) {
            int y0 = ty * h / THUMB_H, y1 = Math.max(y0 + 1, (ty + 1) * h / THUMB_H);
            for (int tx = 0; tx < THUMB_W; tx++) {
                int x0 = tx * w / THUMB_W, x1 = Math.max(x0 + 1, (tx + 1) * w / THUMB_W);
                long s = 0;
                int c = 0;
                for (int y = y0; y < y1; y += 2) {
                    int row = y * w;
                    for (int x = x0; x < x1; x += 2) {
                        s += d[(row + x) * 3 + 1] & 0xFF;
                        c++;
                    }
                }
                t[ty * THUMB_W + tx] = (float) s / c;
            }
        }
        return t;
    }

    static double thumbDist(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
        return s / a.length;
    }

    /**
     * Noise sigma of the green channel, estimated in the flattest blocks: Immerkaer's operator
     * (the [1 -2 1] x [1 -2 1] second difference cancels any smooth shading, leaving noise) averaged
     * as sigma = sqrt(pi/2) / 6 * mean |response|. Blocks are ranked by their gradient energy, and
     * clipped blocks (near black or white carry no noise on any camera) are skipped. NaN when the
     * image has no usable block.
     */
    static double noiseSigma(BgrImage img) {
        int w = img.width(), h = img.height();
        byte[] d = img.data();
        int bs = NOISE_BLOCK;
        int bw = (w - 2) / bs, bh = (h - 2) / bs;
        if (bw <= 0 || bh <= 0) return Double.NaN;
        int nb = bw * bh;
        double[] grad = new double[nb];
        double[] resp = new double[nb];
        boolean[] ok = new boolean[nb];
        int stride = w * 3;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                long g = 0, r = 0, sum = 0;
                int lo = 255, hi = 0;
                for (int y = 1 + by * bs; y < 1 + (by + 1) * bs; y++) {
                    int base = y * stride + 1; // green
                    for (int x = 1 + bx * bs; x < 1 + (bx + 1) * bs; x++) {
                        int p = base + x * 3;
                        int c = d[p] & 0xFF;
                        int l = d[p - 3] & 0xFF, rr = d[p + 3] & 0xFF;
                        int u = d[p - stride] & 0xFF, dn = d[p + stride] & 0xFF;
                        int ul = d[p - stride - 3] & 0xFF, ur = d[p - stride + 3] & 0xFF;
                        int dl = d[p + stride - 3] & 0xFF, dr = d[p + stride + 3] & 0xFF;
                        int lap = 4 * c - 2 * (l + rr + u + dn) + (ul + ur + dl + dr);
                        r += Math.abs(lap);
                        g += Math.abs(rr - l) + Math.abs(dn - u);
                        sum += c;
                        if (c < lo) lo = c;
                        if (c > hi) hi = c;
                    }
                }
                int k = by * bw + bx;
                grad[k] = g;
                resp[k] = r;
                double mean = (double) sum / (bs * bs);
                ok[k] = lo > 8 && hi < 247 && mean > 16 && mean < 240;
            }
        }
        Integer[] order = new Integer[nb];
        int m = 0;
        for (int k = 0; k < nb; k++) if (ok[k]) order[m++] = k;
        if (m == 0) return Double.NaN;
        Integer[] usable = Arrays.copyOf(order, m);
        Arrays.sort(usable, (a, b) -> Double.compare(grad[a], grad[b]));
        int take = Math.max(1, (int) Math.round(m * NOISE_FLAT_FRACTION));
        double s = 0;
        for (int i = 0; i < take; i++) s += resp[usable[i]];
        return Math.sqrt(Math.PI / 2) / 6.0 * s / (take * (double) bs * bs);
    }
}
