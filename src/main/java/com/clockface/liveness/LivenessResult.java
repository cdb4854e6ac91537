package com.clockface.liveness;

import java.util.Map;

/**
 * A liveness verdict: score in [0,1] (shown as 0-100), the outcome under the active profile, the
 * named signals behind it and, for ERROR, the reason in a sentence.
 */
public record LivenessResult(double score, Outcome outcome, Map<String, Double> signals, String reason) {

    public static LivenessResult error(String reason) {
        return new LivenessResult(0, Outcome.ERROR, Map.of(), reason);
    }

    public static LivenessResult of(double score, LivenessProfile profile, Map<String, Double> signals) {
        return new LivenessResult(score, profile.outcome(score), signals, null);
    }

    public int percent() { return (int) Math.round(score * 100); }
}
