package com.clockface.checkin;

import com.clockface.liveness.LivenessResult;
import com.clockface.timeclock.Punch;

import java.time.Instant;

/**
 * The verdict of one check-in, as the screen shows it and the CLI prints it.
 *
 * @param decision  what happened
 * @param message   the sentence for the screen ("Welcome Ana, clocked in at 08:02")
 * @param liveness  fused liveness score, outcome and signals
 * @param match     the best gallery match, or null when nobody matched (or matching did not run)
 * @param punch     the punch recorded (committed to disk) or, for ALREADY_PUNCHED, the earlier one; else null
 * @param checkEventId the check_event row written for this attempt, or null when none was written
 * @param at        wall-clock time of the decision
 */
public record CheckinResult(Decision decision, String message, LivenessResult liveness, Match match, Punch punch,
                            Long checkEventId, Instant at) {

    /** A gallery match: the person and the cosine score. */
    public record Match(long personId, String name, String employeeNo, double score) { }

    public static CheckinResult error(String message, Instant at) {
        return new CheckinResult(Decision.ERROR, message, LivenessResult.error(message), null, null, null, at);
    }

    public CheckinResult withCheckEventId(Long id) {
        return new CheckinResult(decision, message, liveness, match, punch, id, at);
    }
}
