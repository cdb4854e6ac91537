package com.clockface.liveness;

import com.clockface.vision.BgrImage;
import com.clockface.vision.Face;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one passive (single-frame) liveness scorer the rest of the code calls: measures the
 * {@link PadFeatures} a {@link PadFusion} needs and returns its score in [0,1], with the
 * measurements as signals. The engine uses {@link PadFusion#shipped()} (the published pair times a gate
 * on the face's fine detail, its threshold fitted by {@code eval pad --fit}); without a fusion it is the
 * published pair (mean of both P(real)).
 */
public final class PassiveLivenessScorer {
    /** The cue the shipped gate uses; changing it means refitting the shipped resource. */
    public static final String GATE_CUE = "hf_ratio";

    private final PassiveLiveness pair;
    private final PadFusion fusion;
    private final List<String> measured;

    /** @param fusion null for the plain pair */
    public PassiveLivenessScorer(PassiveLiveness pair, PadFusion fusion) {
        this.pair = pair;
        this.fusion = fusion;
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(List.of("v2", "v1se"));
        if (fusion != null) names.addAll(fusion.features());
        this.measured = List.copyOf(names);
    }

    /** The score and the measurements behind it. */
    public record Score(double probability, Map<String, Double> signals) { }

    public Score score(BgrImage image, Face face) {
        Map<String, Double> f = PadFeatures.compute(pair, image, face, measured);
        double p = fusion == null ? plain(f) : fusion.probability(f);
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("pad.minifasnet_v2", f.get("v2"));
        signals.put("pad.minifasnet_v1se", f.get("v1se"));
        signals.put("pad.plain_pair", plain(f));
        if (fusion != null) signals.put("pad.detail_gate", fusion.gate(f));
        for (Map.Entry<String, Double> e : f.entrySet()) {
            if (!e.getKey().equals("v2") && !e.getKey().equals("v1se")) signals.put("pad." + e.getKey(), e.getValue());
        }
        return new Score(p, signals);
    }

    public PadFusion fusion() { return fusion; }

    /** The published ensemble: mean of the two P(real). */
    public static double plain(Map<String, Double> f) {
        return (f.get("v2") + f.get("v1se")) / 2;
    }
}
