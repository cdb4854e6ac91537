package com.clockface.liveness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The shipped passive score's form: the pair times a detail gate fitted from live faces only. */
class PadFusionTest {

    private static Map<String, Double> face(double v2, double v1se, double detail) {
        return Map.of("v2", v2, "v1se", v1se, "hf_ratio", detail);
    }

    @Test
    void theGateOnlyEverLowersThePair() {
        PadFusion f = new PadFusion("test", "hf_ratio", 0.56, PadFusion.SLOPE, Map.of());
        for (double v2 : new double[] {0.001, 0.3, 0.9, 1}) {
            for (double d = 0.3; d <= 0.9; d += 0.05) {
                Map<String, Double> x = face(v2, 0.8, d);
                assertTrue(f.probability(x) <= PassiveLivenessScorer.plain(x) + 1e-12);
            }
        }
        // a face with the usual fine detail keeps the pair's score; a print-like loss of detail halves it and more
        assertEquals(0.85, f.probability(face(0.9, 0.8, 0.70)), 1e-9);
        assertEquals(0.5, f.gate(face(0.9, 0.8, 0.56 - Math.log(3) / PadFusion.SLOPE)), 1e-9);
        assertTrue(f.probability(face(0.9, 0.8, 0.50)) < 0.85 * 0.35);
    }

    @Test
    void theThresholdIsAPercentileOfLiveFacesAndNeedsThem() {
        List<Double> live = new ArrayList<>();
        for (int i = 1; i <= 100; i++) live.add(i / 100.0);
        PadFusion f = PadFusion.fit("hf_ratio", live, "test", Map.of());
        assertEquals(0.05, f.threshold(), 1e-12);
        assertTrue(f.fitted());
        assertEquals(100, f.fittedOn().get("live_faces"));
        assertThrows(IllegalArgumentException.class, () -> PadFusion.fit("hf_ratio", List.of(), "test", Map.of()));
    }

    @Test
    void theShippedResourceIsAFittedGateOnFineDetail() {
        PadFusion s = PadFusion.shipped();
        assertTrue(s.fitted());
        assertEquals(PassiveLivenessScorer.GATE_CUE, s.cue());
        assertEquals(List.of("v2", "v1se", "hf_ratio"), s.features());
        assertTrue(s.threshold() > 0.4 && s.threshold() < 0.7, "threshold " + s.threshold());
    }
}
