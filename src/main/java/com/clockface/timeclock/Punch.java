package com.clockface.timeclock;

import java.time.Instant;
import java.time.ZoneId;

/**
 * One clock punch. The instant is the truth; the zone is the kiosk's zone at the time, kept so a
 * timesheet shows the wall-clock time the worker saw. Punches are never physically deleted: a
 * correction changes the status and leaves an audit record.
 *
 * @param id           database id, 0 before it is stored
 * @param personId     the person's database id
 * @param checkEventId the check-in attempt that produced it, or null (manual corrections)
 * @param note         free text: the reason of a correction, or null
 */
public record Punch(long id, long personId, PunchKind kind, Instant at, ZoneId zone, String kiosk,
                    PunchSource source, PunchStatus status, Long checkEventId, String note) {

    public Punch withId(long newId) {
        return new Punch(newId, personId, kind, at, zone, kiosk, source, status, checkEventId, note);
    }

    public Punch withStatus(PunchStatus newStatus) {
        return new Punch(id, personId, kind, at, zone, kiosk, source, newStatus, checkEventId, note);
    }

    /** Counts in a timesheet: confirmed punches only; pending ones wait for an admin. */
    public boolean counts() { return status == PunchStatus.CONFIRMED; }
}
