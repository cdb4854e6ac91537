package com.clockface.store;

import java.time.Instant;

/**
 * One check-in attempt. The evidence frame is not part of the record (it is encrypted; load it with
 * {@link CheckEventRepository#loadEvidence}); {@code hasEvidence} says whether there is one.
 *
 * @param personId    the identified (or claimed) person, or null for an unknown face
 * @param decision    what the kiosk did (e.g. PUNCH, REVIEW, REFUSE); free text owned by checkin
 * @param outcome     liveness outcome (SUCCESS, REVIEW, FAIL, ERROR)
 * @param signalsJson the liveness and quality signals as a JSON object text, or null
 */
public record CheckEvent(long id, Instant at, String kiosk, Long personId, String decision, String outcome,
                         Double livenessScore, Double matchScore, String signalsJson, boolean hasEvidence,
                         String capsulePath, ReviewState reviewState, String reviewedBy, Instant reviewedAt,
                         String note) {

    /** A new event to insert (id 0, not reviewed). */
    public static CheckEvent of(Instant at, String kiosk, Long personId, String decision, String outcome,
                                Double livenessScore, Double matchScore, String signalsJson, ReviewState reviewState) {
        return new CheckEvent(0, at, kiosk, personId, decision, outcome, livenessScore, matchScore, signalsJson, false,
                null, reviewState == null ? ReviewState.NONE : reviewState, null, null, null);
    }

    public CheckEvent withCapsulePath(String path) {
        return new CheckEvent(id, at, kiosk, personId, decision, outcome, livenessScore, matchScore, signalsJson,
                hasEvidence, path, reviewState, reviewedBy, reviewedAt, note);
    }

    public CheckEvent withNote(String n) {
        return new CheckEvent(id, at, kiosk, personId, decision, outcome, livenessScore, matchScore, signalsJson,
                hasEvidence, capsulePath, reviewState, reviewedBy, reviewedAt, n);
    }
}
