package com.clockface.timeclock;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;

/** An inclusive range of workdays. */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) throw new IllegalArgumentException("period ends (" + to + ") before it starts (" + from + ")");
    }

    public static Period of(LocalDate from, LocalDate to) { return new Period(from, to); }

    /** The week containing {@code date}, starting on {@code weekStart}. */
    public static Period week(LocalDate date, DayOfWeek weekStart) {
        LocalDate start = date.with(TemporalAdjusters.previousOrSame(weekStart));
        return new Period(start, start.plusDays(6));
    }

    /**
     * The two-week period containing {@code date}. Fortnights are aligned on {@code anchor}, the first day
     * of any one fortnight of the pay calendar (earlier or later than {@code date}).
     */
    public static Period twoWeeks(LocalDate date, LocalDate anchor) {
        long offset = Math.floorMod(ChronoUnit.DAYS.between(anchor, date), 14L);
        LocalDate start = date.minusDays(offset);
        return new Period(start, start.plusDays(13));
    }

    /** The calendar month containing {@code date}. */
    public static Period month(LocalDate date) {
        return new Period(date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
    }

    public boolean contains(LocalDate workday) {
        return !workday.isBefore(from) && !workday.isAfter(to);
    }

    public boolean overlaps(Period other) {
        return !other.to.isBefore(from) && !other.from.isAfter(to);
    }

    public long length() { return ChronoUnit.DAYS.between(from, to) + 1; }

    public List<LocalDate> workdays() { return from.datesUntil(to.plusDays(1)).toList(); }

    /**
     * The instants a caller should load punches for, so that {@link Timesheet#build} sees every punch it
     * needs: whole overtime weeks around the period (weekly overtime depends on earlier days of the week),
     * plus one overlong-shift length on either side so shifts across the edges pair correctly.
     * Half-open: [fetchFrom, fetchTo).
     */
    public Instant fetchFrom(TimeclockSettings s) {
        LocalDate weekStart = from.with(TemporalAdjusters.previousOrSame(s.weekStart()));
        return Workdays.startOf(weekStart, s.zone(), s.workdayStart()).minus(s.overlongShift()).minus(1, ChronoUnit.DAYS);
    }

    public Instant fetchTo(TimeclockSettings s) {
        return Workdays.endOf(to, s.zone(), s.workdayStart()).plus(s.overlongShift()).plus(1, ChronoUnit.DAYS);
    }
}
