package com.clockface.timeclock;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The time-clock rules a site configures.
 *
 * @param zone               the kiosk's zone; used for punches that carry no zone of their own
 * @param workdayStart       the workday boundary (e.g. 04:00): a punch before it belongs to the previous
 *                           workday, so a night shift across midnight is one workday
 * @param debounce           a second punch of the same person within this window is "already punched"
 * @param rounding           neutral rounding of in/out times for the hours that count
 * @param dailyOvertimeAfter hours per workday beyond which time is daily overtime; null = no daily limit
 * @param weeklyOvertimeAfter hours per week beyond which time is weekly overtime; null = no weekly limit
 * @param weekStart          first day of the overtime week
 * @param overlongShift      a shift longer than this is flagged OVERLONG; it is also the longest time an
 *                           open IN from the previous workday is still treated as the current shift
 */
public record TimeclockSettings(ZoneId zone, LocalTime workdayStart, Duration debounce, Rounding rounding,
                                Duration dailyOvertimeAfter, Duration weeklyOvertimeAfter,
                                DayOfWeek weekStart, Duration overlongShift) {

    public TimeclockSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(workdayStart, "workdayStart");
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(weekStart, "weekStart");
        Objects.requireNonNull(overlongShift, "overlongShift");
        if (debounce.isNegative()) throw new IllegalArgumentException("debounce must not be negative: " + debounce);
        if (dailyOvertimeAfter != null && dailyOvertimeAfter.isNegative())
            throw new IllegalArgumentException("daily overtime limit must not be negative: " + dailyOvertimeAfter);
        if (weeklyOvertimeAfter != null && weeklyOvertimeAfter.isNegative())
            throw new IllegalArgumentException("weekly overtime limit must not be negative: " + weeklyOvertimeAfter);
        if (overlongShift.isNegative() || overlongShift.isZero())
            throw new IllegalArgumentException("overlong shift limit must be positive: " + overlongShift);
    }

    /** 04:00 boundary, 60 s debounce, no rounding, 8 h/day, 40 h/week from Monday, 16 h overlong. */
    public static TimeclockSettings defaults(ZoneId zone) {
        return new TimeclockSettings(zone, LocalTime.of(4, 0), Duration.ofSeconds(60), Rounding.NONE,
                Duration.ofHours(8), Duration.ofHours(40), DayOfWeek.MONDAY, Duration.ofHours(16));
    }

    public TimeclockSettings withZone(ZoneId z) {
        return new TimeclockSettings(z, workdayStart, debounce, rounding, dailyOvertimeAfter, weeklyOvertimeAfter, weekStart, overlongShift);
    }

    public TimeclockSettings withWorkdayStart(LocalTime t) {
        return new TimeclockSettings(zone, t, debounce, rounding, dailyOvertimeAfter, weeklyOvertimeAfter, weekStart, overlongShift);
    }

    public TimeclockSettings withDebounce(Duration d) {
        return new TimeclockSettings(zone, workdayStart, d, rounding, dailyOvertimeAfter, weeklyOvertimeAfter, weekStart, overlongShift);
    }

    public TimeclockSettings withRounding(Rounding r) {
        return new TimeclockSettings(zone, workdayStart, debounce, r, dailyOvertimeAfter, weeklyOvertimeAfter, weekStart, overlongShift);
    }

    public TimeclockSettings withOvertime(Duration daily, Duration weekly) {
        return new TimeclockSettings(zone, workdayStart, debounce, rounding, daily, weekly, weekStart, overlongShift);
    }

    public TimeclockSettings withWeekStart(DayOfWeek d) {
        return new TimeclockSettings(zone, workdayStart, debounce, rounding, dailyOvertimeAfter, weeklyOvertimeAfter, d, overlongShift);
    }

    public TimeclockSettings withOverlongShift(Duration d) {
        return new TimeclockSettings(zone, workdayStart, debounce, rounding, dailyOvertimeAfter, weeklyOvertimeAfter, weekStart, d);
    }
}
