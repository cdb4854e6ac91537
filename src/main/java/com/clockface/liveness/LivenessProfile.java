package com.clockface.liveness;

import java.util.Locale;

/**
 * Named thresholds on the liveness score. A time clock accepts more risk than a bank:
 * `work-hours` passes at 0.75 (review from 0.5), `high-security` at 0.9 (review from 0.75).
 */
public record LivenessProfile(String name, double pass, double review) {

    public static final LivenessProfile WORK_HOURS = new LivenessProfile("work-hours", 0.75, 0.5);
    public static final LivenessProfile HIGH_SECURITY = new LivenessProfile("high-security", 0.9, 0.75);

    public LivenessProfile {
        if (!(0 <= review && review <= pass && pass <= 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= review <= pass <= 1, got review "
                    + review + ", pass " + pass);
        }
    }

    public static LivenessProfile named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "work-hours" -> WORK_HOURS;
            case "high-security" -> HIGH_SECURITY;
            default -> throw new IllegalArgumentException("unknown liveness profile '" + name
                    + "' (known: work-hours, high-security)");
        };
    }

    public Outcome outcome(double score) {
        if (score >= pass) return Outcome.SUCCESS;
        if (score >= review) return Outcome.REVIEW;
        return Outcome.FAIL;
    }
}
