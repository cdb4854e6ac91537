package com.clockface.timeclock;

import com.clockface.timeclock.CorrectionException.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Objects;

/**
 * An admin's correction of a person's punches: ADD a missing punch, MOVE a punch to another time, or
 * DELETE one. A reason is mandatory. Nothing is physically removed and no recorded field of a punch
 * changes: {@link #apply} yields the punch to retire (status DELETED, kept for the audit trail) and/or
 * the new MANUAL, CONFIRMED punch; the store persists both together with an audit record.
 *
 * @param punchId     the punch moved or deleted; null for ADD
 * @param kind        the kind of the added punch; null for MOVE (keeps the kind) and DELETE
 * @param at          the new time for ADD and MOVE; null for DELETE
 * @param zone        the zone the new time was entered in (the kiosk's); null for DELETE
 * @param requestedBy the admin
 */
public record Correction(Type type, long personId, Long punchId, PunchKind kind, Instant at, ZoneId zone,
                         String reason, String requestedBy) {

    public enum Type { ADD, MOVE, DELETE }

    /** The kiosk name of a punch added by hand (a moved punch keeps its kiosk). */
    public static final String MANUAL_KIOSK = "manual";

    public Correction {
        Objects.requireNonNull(type, "type");
    }

    public static Correction add(long personId, PunchKind kind, Instant at, ZoneId zone, String reason, String by) {
        return new Correction(Type.ADD, personId, null, kind, at, zone, reason, by);
    }

    public static Correction move(Punch punch, Instant to, ZoneId zone, String reason, String by) {
        return new Correction(Type.MOVE, punch.personId(), punch.id(), null, to, zone, reason, by);
    }

    public static Correction delete(Punch punch, String reason, String by) {
        return new Correction(Type.DELETE, punch.personId(), punch.id(), null, null, null, reason, by);
    }

    /**
     * A wall-clock time as typed by an admin ("2026-03-02T21:30" in the kiosk's zone) to an instant. A time
     * that does not exist (in the spring-forward gap) is refused; a time that occurs twice (fall-back)
     * means the earlier one.
     */
    public static Instant resolveLocal(LocalDateTime local, ZoneId zone) {
        if (zone.getRules().getValidOffsets(local).isEmpty())
            throw new CorrectionException(Problem.NO_SUCH_LOCAL_TIME,
                    local + " does not exist in " + zone + " (clocks were put forward)");
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /**
     * The result of an accepted correction, to be stored in one transaction with an audit record that
     * carries the reason.
     *
     * @param retired the corrected punch with status DELETED (MOVE, DELETE), else null
     * @param added   the new MANUAL, CONFIRMED punch with the reason as note (ADD, MOVE), else null; for a
     *                MOVE it corrects {@code retired}
     */
    public record Effect(Correction correction, Punch retired, Punch added) {}

    /**
     * Checks the correction and computes its effect.
     *
     * @param target the punch named by {@link #punchId()} as stored (null for ADD)
     * @param now    the current time; a new time after it is refused
     * @param locks  approved periods; a correction that touches a locked workday (old or new time) is refused
     * @throws CorrectionException with the first problem found
     */
    public Effect apply(Punch target, Instant now, TimeclockSettings s, Collection<PeriodLock> locks) {
        if (reason == null || reason.isBlank())
            throw new CorrectionException(Problem.REASON_MISSING, "a correction needs a reason");
        if (type != Type.ADD) {
            if (punchId == null || target == null || target.id() != punchId)
                throw new CorrectionException(Problem.NO_SUCH_PUNCH, "no punch " + punchId + " to " + verb());
            if (target.personId() != personId)
                throw new CorrectionException(Problem.WRONG_PERSON,
                        "punch " + punchId + " belongs to another person");
            if (target.status() == PunchStatus.DELETED || target.status() == PunchStatus.REJECTED)
                throw new CorrectionException(Problem.PUNCH_NOT_ACTIVE,
                        "punch " + punchId + " is " + target.status().name().toLowerCase() + " already");
            checkUnlocked(Workdays.workdayOf(target, s), locks);
        }
        if (type != Type.DELETE) {
            if (at == null) throw new CorrectionException(Problem.TIME_MISSING, "a time is needed to " + verb() + " a punch");
            if (type == Type.ADD && kind == null)
                throw new CorrectionException(Problem.KIND_MISSING, "say whether the added punch is IN or OUT");
            if (at.isAfter(now))
                throw new CorrectionException(Problem.TIME_IN_FUTURE, "a punch cannot be put in the future (" + at + ")");
            ZoneId z = zone != null ? zone : s.zone();
            checkUnlocked(Workdays.workdayOf(at, z, s.workdayStart()), locks);
            if (type == Type.MOVE && at.equals(target.at()))
                throw new CorrectionException(Problem.NOTHING_TO_CHANGE, "punch " + punchId + " is already at that time");
        }
        String note = reason.strip();
        Punch retired = type == Type.ADD ? null : target.withStatus(PunchStatus.DELETED);
        Punch added = switch (type) {
            case ADD -> new Punch(0, personId, kind, at, zone != null ? zone : s.zone(), MANUAL_KIOSK,
                    PunchSource.MANUAL, PunchStatus.CONFIRMED, null, note);
            case MOVE -> new Punch(0, personId, target.kind(), at, zone != null ? zone : Workdays.zoneOf(target, s),
                    target.kiosk(), PunchSource.MANUAL, PunchStatus.CONFIRMED, target.checkEventId(), note);
            case DELETE -> null;
        };
        return new Effect(this, retired, added);
    }

    private void checkUnlocked(LocalDate workday, Collection<PeriodLock> locks) {
        PeriodLock lock = PeriodLock.find(locks, personId, workday);
        if (lock != null)
            throw new CorrectionException(Problem.PERIOD_LOCKED, "workday " + workday + " is in an approved period ("
                    + lock.from() + " to " + lock.to() + (lock.lockedBy() == null ? "" : ", approved by " + lock.lockedBy()) + ")");
    }

    private String verb() {
        return type.name().toLowerCase();
    }
}
