package com.clockface.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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

    // ---- instance API (eval pad) ----

    @Test
    void ratesAtAThresholdFollowTheIsoDefinitions() {
        ErrorRates r = new ErrorRates(new double[] {0.2, 0.6, 0.8, 0.9}, new double[] {0.1, 0.3, 0.7});
        assertEquals(0.25, r.falseReject(0.5));      // 0.2 rejected
        assertEquals(1 / 3.0, r.falseAccept(0.5), 1e-12); // 0.7 accepted
        assertEquals(0.25, r.falseReject(0.6));      // a score equal to the threshold passes
        assertEquals(1 / 3.0, r.falseAccept(0.7), 1e-12);
    }

    @Test
    void separableScoresHaveZeroEerAndOverlappingOnesHalf() {
        assertEquals(0, new ErrorRates(new double[] {0.8, 0.9}, new double[] {0.1, 0.2}).eer());
        assertEquals(0.5, new ErrorRates(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}).eer());
        ErrorRates r = new ErrorRates(new double[] {0.6, 0.7, 0.8, 0.9}, new double[] {0.1, 0.2, 0.3, 0.65});
        assertEquals(0.25, r.eer(), 1e-12);
        assertEquals(0.65, r.eerThreshold(), 1e-12);
    }

    @Test
    void failuresToAcquireAreAlwaysRejected() {
        ErrorRates r = new ErrorRates(new double[] {Double.NEGATIVE_INFINITY, 0.9, 0.9, 0.9}, new double[] {0.1, 0.2});
        assertEquals(0.25, r.falseReject(0.0));
        assertEquals(0.25, r.falseReject(Double.NEGATIVE_INFINITY));
        assertEquals(0.25, r.falseRejectAtFalseAccept(0.05));
        assertEquals(1.0, r.falseAcceptAtFalseReject(0.05)); // BPCER never drops below the 25 % failures
    }

    @Test
    void ratesAtFivePercent() {
        List<Double> live = new ArrayList<>(), attack = new ArrayList<>();
        for (int i = 0; i < 100; i++) { live.add(0.5 + i / 200.0); attack.add(i / 200.0 + 0.3); }
        ErrorRates r = ErrorRates.of(live, attack);
        // attacks 0.3..0.795: APCER <= 5 % needs t >= 0.775, which rejects the 55 live scores below it
        assertEquals(0.55, r.falseRejectAtFalseAccept(0.05), 1e-9);
        // BPCER <= 5 % allows t <= 0.525, which accepts the 55 attacks at or above it
        assertEquals(0.55, r.falseAcceptAtFalseReject(0.05), 1e-9);
    }

    @Test
    void subjectBootstrapIsReproducibleAndBracketsTheEer() {
        List<ErrorRates.Scored> g = new ArrayList<>(), a = new ArrayList<>();
        for (int s = 0; s < 6; s++) for (int i = 0; i < 5; i++) {
            g.add(new ErrorRates.Scored(0.6 + 0.05 * s + 0.01 * i, "g" + s));
            a.add(new ErrorRates.Scored(0.3 + 0.06 * s + 0.01 * i, "a" + s));
        }
        ErrorRates.Interval i1 = ErrorRates.subjectBootstrap(g, a, ErrorRates::eer, 200, 1);
        ErrorRates.Interval i2 = ErrorRates.subjectBootstrap(g, a, ErrorRates::eer, 200, 1);
        assertEquals(i1, i2);
        double eer = ErrorRates.of(g.stream().map(ErrorRates.Scored::score).toList(), a.stream().map(ErrorRates.Scored::score).toList()).eer();
        assertTrue(i1.low() <= eer && eer <= i1.high(), i1 + " vs " + eer);
    }
}
