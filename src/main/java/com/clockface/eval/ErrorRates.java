package com.clockface.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Error-rate arithmetic shared by the evaluations. Convention: higher score = more likely the
 * positive class (same person, or live); a decision accepts when score >= threshold.
 */
public final class ErrorRates {
    /*
     * Static helpers (above all for eval identify) and, through an instance over one genuine and one
     * impostor score set, the operating points eval pad needs (rates at 5 %, subject bootstrap).
     * A genuine sample is rejected below the threshold; an impostor is accepted at or above it.
     * Failures to acquire are passed as NEGATIVE_INFINITY: rejected at every threshold but kept in the
     * denominators (ISO/IEC 30107-3 counts them in BPCER).
     */

    public record Eer(double rate, double threshold) { }

    /** Fraction of scores at or above the threshold. */
    public static double rateAtOrAbove(double[] scores, double threshold) {
        if (scores.length == 0) return Double.NaN;
        int n = 0;
        for (double s : scores) if (s >= threshold) n++;
        return (double) n / scores.length;
    }

    /**
     * The lowest threshold at which at most {@code rate} of the negative scores are accepted
     * (score >= threshold). With few negatives the achievable rate is coarser than asked.
     */
    public static double thresholdAtFalseRate(double[] negatives, double rate) {
        if (negatives.length == 0) return Double.NaN;
        double[] s = negatives.clone();
        Arrays.sort(s);
        int allowed = (int) Math.floor(rate * s.length); // this many may be accepted
        int idx = s.length - allowed - 1;                 // highest negative that must be rejected
        if (idx < 0) return Double.NEGATIVE_INFINITY;
        return Math.nextUp(s[idx]);
    }

    /** Equal error rate: where false rejection of positives meets false acceptance of negatives. */
    public static Eer eer(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) return new Eer(Double.NaN, Double.NaN);
        double[] all = new double[positives.length + negatives.length];
        System.arraycopy(positives, 0, all, 0, positives.length);
        System.arraycopy(negatives, 0, all, positives.length, negatives.length);
        Arrays.sort(all);
        double[] p = positives.clone(), n = negatives.clone();
        Arrays.sort(p);
        Arrays.sort(n);
        double best = Double.MAX_VALUE, bestT = Double.NaN, bestRate = Double.NaN;
        for (double t : all) {
            double frr = fractionBelow(p, t), far = 1 - fractionBelow(n, t);
            double gap = Math.abs(frr - far);
            if (gap < best) { best = gap; bestT = t; bestRate = (frr + far) / 2; }
        }
        return new Eer(bestRate, bestT);
    }

    /** Fraction of a sorted array strictly below t. */
    static double fractionBelow(double[] sorted, double t) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) lo = mid + 1; else hi = mid;
        }
        return (double) lo / sorted.length;
    }

    /** DET points (false accept, false reject) over every distinct threshold, for plots. */
    public static double[][] det(double[] positives, double[] negatives) {
        double[] p = positives.clone(), n = negatives.clone();
        Arrays.sort(p);
        Arrays.sort(n);
        double[] all = new double[p.length + n.length];
        System.arraycopy(p, 0, all, 0, p.length);
        System.arraycopy(n, 0, all, p.length, n.length);
        Arrays.sort(all);
        double[][] out = new double[all.length][];
        for (int i = 0; i < all.length; i++) {
            out[i] = new double[] {1 - fractionBelow(n, all[i]), fractionBelow(p, all[i])};
        }
        return out;
    }

    // ---- instance API: one genuine and one impostor score set ----

    private final double[] genuine;   // sorted ascending
    private final double[] impostor;  // sorted ascending

    public ErrorRates(double[] genuine, double[] impostor) {
        if (genuine.length == 0 || impostor.length == 0) {
            throw new IllegalArgumentException("error rates need both genuine and impostor scores");
        }
        this.genuine = genuine.clone();
        this.impostor = impostor.clone();
        Arrays.sort(this.genuine);
        Arrays.sort(this.impostor);
    }

    public static ErrorRates of(List<Double> genuine, List<Double> impostor) {
        return new ErrorRates(genuine.stream().mapToDouble(Double::doubleValue).toArray(),
                impostor.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public int genuineCount() { return genuine.length; }
    public int impostorCount() { return impostor.length; }

    /** Fraction of genuine scores below t (BPCER / FRR / FNMR). */
    public double falseReject(double t) {
        return (double) countBelow(genuine, floor(t)) / genuine.length;
    }

    /** Fraction of impostor scores at or above t (APCER / FAR / FMR). */
    public double falseAccept(double t) {
        return (double) (impostor.length - countBelow(impostor, floor(t))) / impostor.length;
    }

    /** Even "accept everything" (t = -infinity) cannot accept a failure to acquire. */
    private static double floor(double t) {
        return t == Double.NEGATIVE_INFINITY ? -Double.MAX_VALUE : t;
    }

    /** Number of values strictly below t in a sorted array. */
    private static int countBelow(double[] sorted, double t) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** One operating point. */
    public record Point(double threshold, double falseAccept, double falseReject) { }

    /** Every distinct operating point, threshold ascending (false accept falls, false reject rises). */
    public List<Point> curve() {
        double[] all = new double[genuine.length + impostor.length];
        System.arraycopy(genuine, 0, all, 0, genuine.length);
        System.arraycopy(impostor, 0, all, genuine.length, impostor.length);
        Arrays.sort(all);
        List<Point> pts = new ArrayList<>();
        double prev = Double.NaN;
        for (double t : all) {
            if (t == prev || t == Double.NEGATIVE_INFINITY) continue;
            prev = t;
            pts.add(new Point(t, falseAccept(t), falseReject(t)));
        }
        pts.add(new Point(Double.POSITIVE_INFINITY, 0, falseReject(Double.POSITIVE_INFINITY)));
        return pts;
    }

    /** Equal error rate: at the threshold where the two rates are closest, their mean. */
    public double eer() {
        return eerPoint().rate();
    }

    /** The threshold at the equal error rate. */
    public double eerThreshold() {
        return eerPoint().threshold();
    }

    private Eer eerPoint() {
        double best = Double.POSITIVE_INFINITY, eer = 1, thr = Double.NaN;
        // the accept-all point (threshold below every score) is part of the curve too
        double fa0 = falseAccept(Double.NEGATIVE_INFINITY), fr0 = falseReject(Double.NEGATIVE_INFINITY);
        if (Math.abs(fa0 - fr0) < best) { best = Math.abs(fa0 - fr0); eer = (fa0 + fr0) / 2; thr = Double.NEGATIVE_INFINITY; }
        for (Point p : curve()) {
            double gap = Math.abs(p.falseAccept() - p.falseReject());
            if (gap < best) {
                best = gap;
                eer = (p.falseAccept() + p.falseReject()) / 2;
                thr = p.threshold();
            }
        }
        return new Eer(eer, thr);
    }

    /** Lowest false reject rate among thresholds whose false accept rate is at most fa (BPCER@APCER, FNMR@FMR). */
    public double falseRejectAtFalseAccept(double fa) {
        double best = 1;
        for (Point p : curve()) if (p.falseAccept() <= fa) best = Math.min(best, p.falseReject());
        return best;
    }

    /** The smallest threshold giving false accept at most fa, or +infinity. */
    public double thresholdAtFalseAccept(double fa) {
        for (Point p : curve()) if (p.falseAccept() <= fa) return p.threshold();
        return Double.POSITIVE_INFINITY;
    }

    /** Lowest false accept rate among thresholds whose false reject rate is at most fr (APCER@BPCER). */
    public double falseAcceptAtFalseReject(double fr) {
        double best = 1;
        for (Point p : curve()) if (p.falseReject() <= fr) best = Math.min(best, p.falseAccept());
        if (falseReject(Double.NEGATIVE_INFINITY) <= fr) best = Math.min(best, falseAccept(Double.NEGATIVE_INFINITY));
        return best;
    }

    /** DET points (false accept, false reject) thinned to at most maxPoints, for plotting. */
    public List<Point> det(int maxPoints) {
        List<Point> c = curve();
        if (c.size() <= maxPoints) return c;
        List<Point> out = new ArrayList<>();
        double step = (double) (c.size() - 1) / (maxPoints - 1);
        for (int i = 0; i < maxPoints; i++) out.add(c.get((int) Math.round(i * step)));
        return out;
    }

    /** A score with the subject (person, video) it came from, for subject-level resampling. */
    public record Scored(double score, String subject) { }

    /** Percentile interval of a statistic over resampled subjects. */
    public record Interval(double low, double high, int resamples) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("low", low);
            m.put("high", high);
            m.put("resamples", resamples);
            return m;
        }
    }

    /** A statistic of the error rates, e.g. {@code ErrorRates::eer}. */
    public interface Statistic { double of(ErrorRates r); }

    /**
     * Subject bootstrap: frames of one subject are not independent, so whole subjects are drawn with
     * replacement (genuine and impostor subjects separately) and the statistic recomputed. Seeded, so
     * the interval is reproducible. Returns the 2.5 and 97.5 percentiles.
     */
    public static Interval subjectBootstrap(List<Scored> genuine, List<Scored> impostor, Statistic stat,
                                            int resamples, long seed) {
        Map<String, List<Double>> g = bySubject(genuine), a = bySubject(impostor);
        List<List<Double>> gs = new ArrayList<>(g.values()), as = new ArrayList<>(a.values());
        Random rnd = new Random(seed);
        double[] values = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            values[r] = stat.of(new ErrorRates(draw(gs, rnd), draw(as, rnd)));
        }
        Arrays.sort(values);
        return new Interval(values[(int) Math.floor(0.025 * (resamples - 1))],
                values[(int) Math.ceil(0.975 * (resamples - 1))], resamples);
    }

    private static Map<String, List<Double>> bySubject(List<Scored> s) {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        for (Scored x : s) m.computeIfAbsent(x.subject(), k -> new ArrayList<>()).add(x.score());
        return m;
    }

    private static double[] draw(List<List<Double>> subjects, Random rnd) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) out.addAll(subjects.get(rnd.nextInt(subjects.size())));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
