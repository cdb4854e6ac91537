package com.clockface.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ErrorRatesTest {

    @Test
    void separableScoresHaveZeroEer() {
        ErrorRates.Eer e = ErrorRates.eer(new double[] {0.8, 0.9, 0.95}, new double[] {0.1, 0.2, 0.3});
        assertEquals(0.0, e.rate(), 1e-12);
        assertTrue(e.threshold() > 0.3 && e.threshold() <= 0.8);
    }

    @Test
    void overlappingScoresGiveTheCrossingRate() {
        // positives 0.55..1.45, negatives 0.0..0.9: at 0.75 two of each side are wrong
        double[] pos = new double[10], neg = new double[10];
        for (int i = 0; i < 10; i++) { pos[i] = (i + 5.5) / 10.0; neg[i] = i / 10.0; }
        ErrorRates.Eer e = ErrorRates.eer(pos, neg);
        assertEquals(0.2, e.rate(), 1e-9);
        assertTrue(e.threshold() > 0.65 && e.threshold() <= 0.8, "threshold " + e.threshold());
    }

    @Test
    void thresholdAtFalseRateAcceptsAtMostThatShare() {
        double[] neg = new double[1000];
        for (int i = 0; i < neg.length; i++) neg[i] = i / 1000.0;
        double t = ErrorRates.thresholdAtFalseRate(neg, 0.01);
        assertEquals(0.01, ErrorRates.rateAtOrAbove(neg, t), 1e-9);
        assertTrue(ErrorRates.rateAtOrAbove(neg, Math.nextDown(t)) > 0.01 - 1e-9);
        assertEquals(0.0, ErrorRates.rateAtOrAbove(neg, ErrorRates.thresholdAtFalseRate(neg, 0.0)));
    }

    @Test
    void detRunsFromAcceptEverythingToRejectEverything() {
        double[][] det = ErrorRates.det(new double[] {0.6, 0.7}, new double[] {0.2, 0.65});
        assertEquals(1.0, det[0][0]);           // lowest threshold: every negative accepted
        assertEquals(0.0, det[0][1]);
        assertEquals(0.5, det[det.length - 1][1]); // highest threshold: one positive rejected
    }
}
