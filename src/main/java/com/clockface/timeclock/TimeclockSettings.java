package com.clockface.timeclock;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

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

    // Keys for the key/value settings table (and `clockface settings get|set`).
    public static final String KEY_ZONE = "timeclock.zone";
    public static final String KEY_WORKDAY_START = "timeclock.workday_start";
    public static final String KEY_DEBOUNCE_SECONDS = "timeclock.debounce_seconds";
    public static final String KEY_ROUNDING_MINUTES = "timeclock.rounding_minutes";
    public static final String KEY_DAILY_OVERTIME_HOURS = "timeclock.daily_overtime_hours";
    public static final String KEY_WEEKLY_OVERTIME_HOURS = "timeclock.weekly_overtime_hours";
    public static final String KEY_WEEK_START = "timeclock.week_start";
    public static final String KEY_OVERLONG_SHIFT_HOURS = "timeclock.overlong_shift_hours";

    /**
     * The settings as text values: zone "Europe/Berlin", workday_start "04:00", debounce_seconds "60",
     * rounding_minutes "0|5|6|15", *_hours as decimal hours ("8", "7.5") or "none" for no limit,
     * week_start "MONDAY".
     */
    public Map<String, String> toProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KEY_ZONE, zone.getId());
        m.put(KEY_WORKDAY_START, workdayStart.toString());
        m.put(KEY_DEBOUNCE_SECONDS, Long.toString(debounce.getSeconds()));
        m.put(KEY_ROUNDING_MINUTES, Integer.toString(rounding.minutes()));
        m.put(KEY_DAILY_OVERTIME_HOURS, hoursText(dailyOvertimeAfter));
        m.put(KEY_WEEKLY_OVERTIME_HOURS, hoursText(weeklyOvertimeAfter));
        m.put(KEY_WEEK_START, weekStart.name());
        m.put(KEY_OVERLONG_SHIFT_HOURS, hoursText(overlongShift));
        return m;
    }

    /**
     * Reads settings written by {@link #toProperties()}; absent keys (lookup returns null) keep the value
     * of {@code defaults}. A malformed value is an error naming the key, never silently the default.
     */
    public static TimeclockSettings fromProperties(Function<String, String> lookup, TimeclockSettings defaults) {
        TimeclockSettings d = defaults;
        ZoneId zone = parse(lookup, KEY_ZONE, d.zone, ZoneId::of, "a zone id such as Europe/Berlin");
        LocalTime start = parse(lookup, KEY_WORKDAY_START, d.workdayStart, LocalTime::parse, "a time such as 04:00");
        Duration debounce = parse(lookup, KEY_DEBOUNCE_SECONDS, d.debounce,
                v -> Duration.ofSeconds(Long.parseLong(v)), "whole seconds such as 60");
        Rounding rounding = parse(lookup, KEY_ROUNDING_MINUTES, d.rounding,
                v -> Rounding.ofMinutes(v.equalsIgnoreCase("none") ? 0 : Integer.parseInt(v)), "0, 5, 6 or 15");
        Duration daily = parse(lookup, KEY_DAILY_OVERTIME_HOURS, d.dailyOvertimeAfter, TimeclockSettings::hoursOrNone,
                "hours such as 8 or 7.5, or none");
        Duration weekly = parse(lookup, KEY_WEEKLY_OVERTIME_HOURS, d.weeklyOvertimeAfter, TimeclockSettings::hoursOrNone,
                "hours such as 40, or none");
        DayOfWeek weekStart = parse(lookup, KEY_WEEK_START, d.weekStart,
                v -> DayOfWeek.valueOf(v.toUpperCase(Locale.ROOT)), "a day such as MONDAY");
        Duration overlong = parse(lookup, KEY_OVERLONG_SHIFT_HOURS, d.overlongShift, TimeclockSettings::hoursOrNone,
                "hours such as 16");
        if (overlong == null) throw new IllegalArgumentException("The setting " + KEY_OVERLONG_SHIFT_HOURS + " cannot be none.");
        try {
            return new TimeclockSettings(zone, start, debounce, rounding, daily, weekly, weekStart, overlong);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid time-clock settings: " + e.getMessage(), e);
        }
    }

    private static <T> T parse(Function<String, String> lookup, String key, T def, Function<String, T> parser, String expected) {
        String v = lookup.apply(key);
        if (v == null) return def;
        try {
            return parser.apply(v.trim());
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("The setting " + key + " is '" + v + "'; expected " + expected + ".", e);
        }
    }

    private static Duration hoursOrNone(String v) {
        if (v.equalsIgnoreCase("none")) return null;
        BigDecimal seconds = new BigDecimal(v).multiply(BigDecimal.valueOf(3600));
        return Duration.ofSeconds(seconds.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    private static String hoursText(Duration d) {
        if (d == null) return "none";
        return BigDecimal.valueOf(d.getSeconds()).divide(BigDecimal.valueOf(3600), 4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
