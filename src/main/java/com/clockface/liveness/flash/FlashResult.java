package com.clockface.liveness.flash;

import java.util.Map;

/**
 * The verdict of the colour-flash analysis.
 *
 * @param score in [0, 1]: how convincingly a near, reflecting face followed the displayed sequence;
 *              0 when the analysis was not possible (see {@code outcome}), never "fake" by itself then
 * @param delayMs estimated camera delay (screen paint to frame timestamp), -1 when unknown
 * @param faceCorrelation 2-D chroma correlation of the face's per-step response with the displayed colours
 * @param backgroundCorrelation the same for the background regions, NaN when there was no background to see
 * @param stepsUsed colour steps with enough frames at the chosen delay
 * @param signals every number behind the score, for logs, capsules and fusion (names start with "flash.")
 */
public record FlashResult(double score, Outcome outcome, long delayMs, double faceCorrelation,
                          double backgroundCorrelation, int stepsUsed, Map<String, Double> signals) {

    public enum Outcome {
        /** The face followed our sequence: score at or above {@link FlashResponseAnalyzer#FOLLOWS_THRESHOLD}. */
        FOLLOWS,
        /** Enough data, but the face did not follow our sequence (or the whole scene did). */
        DOES_NOT_FOLLOW,
        /** Too few usable frames or steps (face lost, camera too slow, sequence cut short): score 0. */
        INCONCLUSIVE,
        /** EXPRESS mode: nothing was flashed. */
        SKIPPED
    }

    public FlashResult {
        if (!(score >= 0 && score <= 1)) throw new IllegalArgumentException("flash score must be in [0,1], got " + score);
        signals = Map.copyOf(signals);
    }
}
