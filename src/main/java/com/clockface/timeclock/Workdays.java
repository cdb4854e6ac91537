package com.clockface.timeclock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The workday rule. The workday of an instant is the local date of (local wall-clock time − boundary)
 * in the zone. The boundary is subtracted on the wall clock, not as an elapsed duration, so that on a
 * DST night 04:30 is still after a 04:00 boundary.
 */
public final class Workdays {
    private Workdays() {}

    public static LocalDate workdayOf(Instant t, ZoneId zone, LocalTime boundary) {
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        return local.minusNanos(boundary.toNanoOfDay()).toLocalDate();
    }

    public static LocalDate workdayOf(Instant t, TimeclockSettings s) {
        return workdayOf(t, s.zone(), s.workdayStart());
    }

    /** The zone a punch is read in: its own (the kiosk's at the time), else the site's. */
    public static ZoneId zoneOf(Punch p, TimeclockSettings s) {
        return p.zone() != null ? p.zone() : s.zone();
    }

    public static LocalDate workdayOf(Punch p, TimeclockSettings s) {
        return workdayOf(p.at(), zoneOf(p, s), s.workdayStart());
    }

    /** The first instant of a workday (the boundary on that date; in a DST gap, the first valid instant after). */
    public static Instant startOf(LocalDate workday, ZoneId zone, LocalTime boundary) {
        return workday.atTime(boundary).atZone(zone).toInstant();
    }

    /** Half-open [start of {@code from}, start of the day after {@code to}). */
    public static Instant endOf(LocalDate workday, ZoneId zone, LocalTime boundary) {
        return startOf(workday.plus(1, ChronoUnit.DAYS), zone, boundary);
    }
}
