package com.clockface.eval;

import java.util.Arrays;

/**
 * Error-rate arithmetic shared by the evaluations. Convention: higher score = more likely the
 * positive class (same person, or live); a decision accepts when score >= threshold.
 */
public final class ErrorRates {
    private ErrorRates() {}

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
}
