package com.clockface.timeclock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/**
 * An approved, locked range of workdays: no correction may touch a punch whose workday lies in it.
 *
 * @param personId the person whose timesheet was approved, or null for everybody
 * @param from     first locked workday (inclusive)
 * @param to       last locked workday (inclusive)
 * @param lockedBy the admin who approved
 */
public record PeriodLock(Long personId, LocalDate from, LocalDate to, String lockedBy, Instant lockedAt) {

    public PeriodLock {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) throw new IllegalArgumentException("lock ends (" + to + ") before it starts (" + from + ")");
    }

    public boolean covers(long person, LocalDate workday) {
        return (personId == null || personId == person) && !workday.isBefore(from) && !workday.isAfter(to);
    }

    /** The first lock covering the person's workday, or null. */
    public static PeriodLock find(Collection<PeriodLock> locks, long person, LocalDate workday) {
        if (locks == null) return null;
        for (PeriodLock l : locks) if (l.covers(person, workday)) return l;
        return null;
    }
}
