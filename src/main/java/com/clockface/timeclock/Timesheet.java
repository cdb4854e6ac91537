package com.clockface.timeclock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One person's timesheet over a period of workdays.
 *
 * <h2>Pairing</h2>
 * Only counting punches (CONFIRMED) are used; PENDING, REJECTED and DELETED ones are ignored. In time
 * order, an IN opens a shift and the next OUT closes it. An IN while a shift is open leaves the first
 * shift flagged MISSING_OUT (it is never closed silently); an OUT with no open shift is a lone shift
 * flagged MISSING_IN. Shifts with a missing punch count zero hours. A shift belongs to the workday of
 * its IN (see {@link Workdays}), so a night shift across midnight is one workday; only shifts whose
 * workday lies in the period are listed.
 *
 * <h2>Durations</h2>
 * Durations are measured between instants, never as wall-clock differences: a 22:00–06:00 shift over
 * the spring-forward night is 7 h, over the fall-back night 9 h. Rounding (if set) is applied to each
 * punch's wall-clock time first, then the duration is taken between the rounded instants.
 *
 * <h2>Overtime</h2>
 * Daily overtime is the part of a workday's hours beyond {@link TimeclockSettings#dailyOvertimeAfter()}.
 * Weekly overtime is computed per overtime week (starting {@link TimeclockSettings#weekStart()}) from the
 * hours that are <i>not</i> already daily overtime: once their running sum over the week passes
 * {@link TimeclockSettings#weeklyOvertimeAfter()}, further such hours are weekly overtime, attributed to
 * the day on which they fall. So no hour is counted twice, and for every day
 * worked = regular + dailyOvertime + weeklyOvertime. Weekly overtime uses the week's days before the
 * period too, when their punches are supplied ({@link Period#fetchFrom} gives the range to load).
 *
 * @param days  every workday of the period, in order (zero rows included, for a chart)
 * @param weeks the overtime weeks overlapping the period, clipped to it
 */
public record Timesheet(TimesheetPerson person, Period period, TimeclockSettings rules, List<Shift> shifts,
                        List<DayTotal> days, List<WeekTotal> weeks, Totals totals) {

    public Timesheet {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(period, "period");
        shifts = List.copyOf(shifts);
        days = List.copyOf(days);
        weeks = List.copyOf(weeks);
    }

    private static final Comparator<Punch> CHRONO =
            Comparator.comparing(Punch::at).thenComparingLong(Punch::id);

    /**
     * @param punches the person's punches around the period (other people's punches are ignored); load
     *                them from {@link Period#fetchFrom} to {@link Period#fetchTo}
     */
    public static Timesheet build(TimesheetPerson person, Collection<Punch> punches, Period period, TimeclockSettings s) {
        Objects.requireNonNull(s, "settings");
        List<Punch> counting = punches.stream()
                .filter(p -> p.personId() == person.id() && p.counts())
                .sorted(CHRONO)
                .toList();
        List<Shift> all = pair(counting, s);

        // Hours per workday over every day we know of, so weekly overtime sees days before the period.
        TreeMap<LocalDate, List<Shift>> byDay = new TreeMap<>();
        for (Shift sh : all) byDay.computeIfAbsent(sh.workday(), d -> new ArrayList<>()).add(sh);

        LocalDate firstWeek = period.from().with(TemporalAdjusters.previousOrSame(s.weekStart()));
        Map<LocalDate, DayTotal> dayTotals = new LinkedHashMap<>();
        List<WeekTotal> weeks = new ArrayList<>();
        for (LocalDate week = firstWeek; !week.isAfter(period.to()); week = week.plusWeeks(1)) {
            Duration weekRegularSoFar = Duration.ZERO;
            Duration w = Duration.ZERO, reg = Duration.ZERO, dOt = Duration.ZERO, wOt = Duration.ZERO;
            for (int i = 0; i < 7; i++) {
                LocalDate day = week.plusDays(i);
                List<Shift> dayShifts = byDay.getOrDefault(day, List.of());
                Duration worked = dayShifts.stream().map(Shift::worked).reduce(Duration.ZERO, Duration::plus);
                Duration daily = excess(worked, s.dailyOvertimeAfter());
                Duration notDaily = worked.minus(daily);
                Duration before = weekRegularSoFar;
                weekRegularSoFar = weekRegularSoFar.plus(notDaily);
                Duration weekly = s.weeklyOvertimeAfter() == null ? Duration.ZERO
                        : excess(weekRegularSoFar, s.weeklyOvertimeAfter()).minus(excess(before, s.weeklyOvertimeAfter()));
                Duration regular = notDaily.minus(weekly);
                if (period.contains(day)) {
                    int missing = (int) dayShifts.stream().filter(Shift::missingPunch).count();
                    dayTotals.put(day, new DayTotal(day, worked, regular, daily, weekly, dayShifts.size(), missing));
                    w = w.plus(worked);
                    reg = reg.plus(regular);
                    dOt = dOt.plus(daily);
                    wOt = wOt.plus(weekly);
                }
            }
            LocalDate weekEnd = week.plusDays(6);
            LocalDate from = week.isBefore(period.from()) ? period.from() : week;
            LocalDate to = weekEnd.isAfter(period.to()) ? period.to() : weekEnd;
            boolean partial = !from.equals(week) || !to.equals(weekEnd);
            weeks.add(new WeekTotal(week, from, to, partial, w, reg, dOt, wOt));
        }

        List<Shift> inPeriod = all.stream().filter(sh -> period.contains(sh.workday())).toList();
        Duration worked = Duration.ZERO, regular = Duration.ZERO, daily = Duration.ZERO, weekly = Duration.ZERO;
        for (DayTotal d : dayTotals.values()) {
            worked = worked.plus(d.worked());
            regular = regular.plus(d.regular());
            daily = daily.plus(d.dailyOvertime());
            weekly = weekly.plus(d.weeklyOvertime());
        }
        int missing = (int) inPeriod.stream().filter(Shift::missingPunch).count();
        int overlong = (int) inPeriod.stream().filter(sh -> sh.has(ShiftFlag.OVERLONG)).count();
        Totals totals = new Totals(worked, regular, daily, weekly, inPeriod.size(), missing, overlong);
        return new Timesheet(person, period, s, inPeriod, List.copyOf(dayTotals.values()), weeks, totals);
    }

    private static Duration excess(Duration d, Duration limit) {
        if (limit == null || d.compareTo(limit) <= 0) return Duration.ZERO;
        return d.minus(limit);
    }

    /** Pairs time-ordered counting punches of one person into shifts (all workdays). */
    static List<Shift> pair(List<Punch> counting, TimeclockSettings s) {
        List<Shift> shifts = new ArrayList<>();
        Punch open = null;
        for (Punch p : counting) {
            if (p.kind() == PunchKind.IN) {
                if (open != null) shifts.add(shift(open, null, s));
                open = p;
            } else {
                shifts.add(shift(open, p, s));
                open = null;
            }
        }
        if (open != null) shifts.add(shift(open, null, s));
        return shifts;
    }

    private static Shift shift(Punch in, Punch out, TimeclockSettings s) {
        EnumSet<ShiftFlag> flags = EnumSet.noneOf(ShiftFlag.class);
        if (in == null) flags.add(ShiftFlag.MISSING_IN);
        if (out == null) flags.add(ShiftFlag.MISSING_OUT);
        OffsetDateTime inLocal = local(in, in == null ? null : in.at(), s);
        OffsetDateTime outLocal = local(out, out == null ? null : out.at(), s);
        OffsetDateTime inRounded = in == null ? null : local(in, s.rounding().round(in.at(), Workdays.zoneOf(in, s)), s);
        OffsetDateTime outRounded = out == null ? null : local(out, s.rounding().round(out.at(), Workdays.zoneOf(out, s)), s);
        Duration actual = Duration.ZERO, worked = Duration.ZERO;
        if (in != null && out != null) {
            actual = Duration.between(in.at(), out.at());
            worked = Duration.between(inRounded.toInstant(), outRounded.toInstant());
            if (worked.isNegative()) worked = Duration.ZERO; // IN and OUT a minute apart can round past each other
            if (actual.compareTo(s.overlongShift()) > 0) flags.add(ShiftFlag.OVERLONG);
            if (!inLocal.toLocalDate().equals(outLocal.toLocalDate())) flags.add(ShiftFlag.CROSSES_MIDNIGHT);
        }
        LocalDate workday = Workdays.workdayOf(in != null ? in : out, s);
        return new Shift(workday, inLocal, outLocal, inRounded, outRounded, worked, actual, flags,
                in == null ? null : in.id(), out == null ? null : out.id());
    }

    private static OffsetDateTime local(Punch p, Instant t, TimeclockSettings s) {
        if (p == null) return null;
        ZoneId z = Workdays.zoneOf(p, s);
        return OffsetDateTime.ofInstant(t, z);
    }
}
