package com.clockface.liveness;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The shipped passive score: the published MiniFASNet pair (mean of both P(real)) times a gate on one
 * texture cue, {@code cue} (the face's fine-detail share, {@link TextureCues} {@code hf_ratio}: a camera's
 * photo of a print or a screen loses fine detail):
 * <pre>
 *   gate  = min(1, 2 * sigmoid(slope * (cue - threshold)))     1 at and above threshold, 0.5 at threshold - 0.037
 *   score = pair * gate
 * </pre>
 * The gate can only lower the pair, so the pair's own calibration on camera frames is kept: fitted weights
 * (a logistic fusion) learnt the developer data's tight crops and turned a frame the pair called fake (P 0.003)
 * into 0.74 on a real phone replay (README, "Passive liveness"). {@code threshold} is fitted from bona fide
 * faces only ({@link #fit}: their {@value #QUANTILE_PERCENT}th percentile), so it never learns what an attack
 * looks like, and at most about that share of live faces is lowered at all.
 */
public record PadFusion(String description, String cue, double threshold, double slope, Map<String, Object> fittedOn) {

    public static final String RESOURCE = "/liveness/pad-fusion.json";
    /** Percentile of the live faces' cue that becomes the threshold. */
    public static final double QUANTILE_PERCENT = 5;
    /** Steepness: the gate halves the score 0.037 below the threshold (about half a print's loss of detail). */
    public static final double SLOPE = 30;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** True when the threshold was fitted from data by {@link #fit}. */
    @JsonIgnore
    public boolean fitted() {
        return fittedOn != null && fittedOn.containsKey("live_faces");
    }

    /** The features the score needs. */
    @JsonIgnore
    public List<String> features() {
        return List.of("v2", "v1se", cue);
    }

    public static PadFusion shipped() {
        try (InputStream in = PadFusion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("liveness fusion resource " + RESOURCE + " is missing from the build");
            return JSON.readValue(in, PadFusion.class);
        } catch (IOException e) {
            throw new IllegalStateException("liveness fusion resource " + RESOURCE + " is unreadable: " + e.getMessage(), e);
        }
    }

    public static PadFusion read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), PadFusion.class);
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(this) + "\n");
    }

    /** The gate on the cue, in (0, 1]. */
    public double gate(Map<String, Double> values) {
        Double v = values.get(cue);
        if (v == null) throw new IllegalArgumentException("liveness fusion needs feature " + cue);
        return Math.min(1, 2 / (1 + Math.exp(-slope * (v - threshold))));
    }

    public double probability(Map<String, Double> values) {
        return PassiveLivenessScorer.plain(values) * gate(values);
    }

    /**
     * Fits the threshold: the {@link #QUANTILE_PERCENT}th percentile (nearest rank) of the cue over the live faces.
     * Deterministic; attack faces are not looked at.
     */
    public static PadFusion fit(String cue, List<Double> liveCueValues, String description, Map<String, Object> fittedOn) {
        if (liveCueValues.isEmpty()) throw new IllegalArgumentException("fitting the liveness gate needs live faces");
        double[] v = liveCueValues.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(QUANTILE_PERCENT / 100 * v.length) - 1;
        double t = v[Math.max(0, Math.min(v.length - 1, rank))];
        Map<String, Object> on = new java.util.LinkedHashMap<>(fittedOn);
        on.put("live_faces", v.length);
        return new PadFusion(description, cue, t, SLOPE, on);
    }

}
