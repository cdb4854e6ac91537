package com.clockface.timeclock;

import static com.clockface.timeclock.Punches.at;
import static com.clockface.timeclock.Punches.in;
import static com.clockface.timeclock.Punches.out;
import static com.clockface.timeclock.Punches.punch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TimesheetTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final TimeclockSettings S = TimeclockSettings.defaults(BERLIN);
    static final TimesheetPerson ANNA = new TimesheetPerson(1, "EMP001", "Anna Berg");

    static Timesheet sheet(List<Punch> punches, LocalDate from, LocalDate to, TimeclockSettings s) {
        return Timesheet.build(ANNA, punches, Period.of(from, to), s);
    }

    static LocalDate d(String iso) { return LocalDate.parse(iso); }

    @Test
    void normalDay() {
        Timesheet t = sheet(List.of(in("2026-03-02T08:02", BERLIN), out("2026-03-02T16:32", BERLIN)),
                d("2026-03-02"), d("2026-03-02"), S);
        assertEquals(1, t.shifts().size());
        Shift sh = t.shifts().get(0);
        assertEquals(d("2026-03-02"), sh.workday());
        assertEquals(LocalDateTime.parse("2026-03-02T08:02"), sh.in().toLocalDateTime());
        assertEquals(LocalDateTime.parse("2026-03-02T16:32"), sh.out().toLocalDateTime());
        assertEquals(Duration.ofMinutes(8 * 60 + 30), sh.worked());
        assertEquals(new BigDecimal("8.50"), sh.hours());
        assertTrue(sh.flags().isEmpty());
        assertEquals(Duration.ofMinutes(30), t.totals().dailyOvertime());
        assertEquals(Duration.ofHours(8), t.totals().regular());
        assertEquals(0, t.totals().missingPunches());
    }

    @Test
    void nightShiftBelongsToTheWorkdayItStarted() {
        Timesheet t = sheet(List.of(in("2026-03-02T22:00", BERLIN), out("2026-03-03T06:00", BERLIN)),
                d("2026-03-02"), d("2026-03-03"), S);
        assertEquals(1, t.shifts().size());
        Shift sh = t.shifts().get(0);
        assertEquals(d("2026-03-02"), sh.workday());
        assertEquals(Set.of(ShiftFlag.CROSSES_MIDNIGHT), sh.flags());
        assertEquals(Duration.ofHours(8), sh.worked());
        assertEquals(Duration.ofHours(8), t.days().get(0).worked());
        assertEquals(Duration.ZERO, t.days().get(1).worked());
        // a timesheet of 3 March alone does not contain it
        assertTrue(sheet(List.of(in("2026-03-02T22:00", BERLIN), out("2026-03-03T06:00", BERLIN)),
                d("2026-03-03"), d("2026-03-03"), S).shifts().isEmpty());
    }

    @ParameterizedTest(name = "{0} {1}: 22:00-06:00 is {3} h")
    @CsvSource({
            "Europe/Berlin,    2026-03-28, 2026-03-29, 7",   // spring forward 02:00 -> 03:00
            "Europe/Berlin,    2026-10-24, 2026-10-25, 9",   // fall back 03:00 -> 02:00
            "America/New_York, 2026-03-07, 2026-03-08, 7",
            "America/New_York, 2026-10-31, 2026-11-01, 9",
            "America/New_York, 2026-06-10, 2026-06-11, 8"})
    void dstNightShiftsAreMeasuredBetweenInstants(String zone, String start, String end, int hours) {
        ZoneId z = ZoneId.of(zone);
        TimeclockSettings s = TimeclockSettings.defaults(z);
        Timesheet t = sheet(List.of(in(start + "T22:00", z), out(end + "T06:00", z)), d(start), d(start), s);
        Shift sh = t.shifts().get(0);
        assertEquals(Duration.ofHours(hours), sh.worked());
        assertEquals(Duration.ofHours(hours), sh.actual());
        assertEquals(d(start), sh.workday());
        assertEquals(22, sh.in().getHour());
        assertEquals(6, sh.out().getHour());
        assertEquals(Duration.ofHours(hours), t.totals().worked());
    }

    @Test
    void roundingIsAppliedOnTheWallClockAcrossDst() {
        TimeclockSettings s = S.withRounding(Rounding.MINUTES_15);
        Timesheet t = sheet(List.of(in("2026-03-28T21:53", BERLIN), out("2026-03-29T06:07", BERLIN)),
                d("2026-03-28"), d("2026-03-28"), s);
        Shift sh = t.shifts().get(0);
        assertEquals(LocalDateTime.parse("2026-03-28T22:00"), sh.roundedIn().toLocalDateTime());
        assertEquals(LocalDateTime.parse("2026-03-29T06:00"), sh.roundedOut().toLocalDateTime());
        assertEquals(Duration.ofHours(7), sh.worked());
        assertEquals(Duration.ofHours(7).plusMinutes(14), sh.actual());
    }

    @Test
    void missingOutIsFlaggedNotClosed() {
        Timesheet t = sheet(List.of(in("2026-03-02T08:00", BERLIN)), d("2026-03-02"), d("2026-03-02"), S);
        Shift sh = t.shifts().get(0);
        assertEquals(Set.of(ShiftFlag.MISSING_OUT), sh.flags());
        assertNull(sh.out());
        assertEquals(Duration.ZERO, sh.worked());
        assertEquals(1, t.totals().missingPunches());
        assertEquals(Duration.ZERO, t.totals().worked());
    }

    @Test
    void doubleInFlagsTheFirstShift() {
        Timesheet t = sheet(List.of(in("2026-03-02T08:00", BERLIN), in("2026-03-03T08:00", BERLIN),
                out("2026-03-03T16:00", BERLIN)), d("2026-03-02"), d("2026-03-03"), S);
        assertEquals(2, t.shifts().size());
        assertEquals(Set.of(ShiftFlag.MISSING_OUT), t.shifts().get(0).flags());
        assertEquals(d("2026-03-02"), t.shifts().get(0).workday());
        assertTrue(t.shifts().get(1).flags().isEmpty());
        assertEquals(Duration.ofHours(8), t.shifts().get(1).worked());
        assertEquals(1, t.totals().missingPunches());
    }

    @Test
    void loneOutIsMissingIn() {
        Timesheet t = sheet(List.of(out("2026-03-02T16:00", BERLIN), in("2026-03-03T08:00", BERLIN),
                out("2026-03-03T12:00", BERLIN)), d("2026-03-02"), d("2026-03-03"), S);
        Shift lone = t.shifts().get(0);
        assertEquals(Set.of(ShiftFlag.MISSING_IN), lone.flags());
        assertEquals(d("2026-03-02"), lone.workday());
        assertNull(lone.in());
        assertEquals(Duration.ZERO, lone.worked());
        assertEquals(Duration.ofHours(4), t.totals().worked());
    }

    @Test
    void overlongShiftIsFlaggedAndCounted() {
        Timesheet t = sheet(List.of(in("2026-03-02T06:00", BERLIN), out("2026-03-02T23:00", BERLIN)),
                d("2026-03-02"), d("2026-03-02"), S);
        assertEquals(Set.of(ShiftFlag.OVERLONG), t.shifts().get(0).flags());
        assertEquals(Duration.ofHours(17), t.totals().worked());
        assertEquals(1, t.totals().overlongShifts());
    }

    @Test
    void onlyConfirmedPunchesCount() {
        List<Punch> ps = List.of(in("2026-03-02T08:00", BERLIN), out("2026-03-02T16:00", BERLIN),
                punch(1, PunchKind.IN, at("2026-03-02T17:00", BERLIN), BERLIN, PunchStatus.PENDING),
                punch(1, PunchKind.OUT, at("2026-03-02T18:00", BERLIN), BERLIN, PunchStatus.REJECTED),
                punch(1, PunchKind.OUT, at("2026-03-02T12:00", BERLIN), BERLIN, PunchStatus.DELETED),
                punch(2, PunchKind.IN, at("2026-03-02T07:00", BERLIN), BERLIN, PunchStatus.CONFIRMED));
        Timesheet t = sheet(ps, d("2026-03-02"), d("2026-03-02"), S);
        assertEquals(1, t.shifts().size());
        assertEquals(Duration.ofHours(8), t.totals().worked());
        assertTrue(t.shifts().get(0).flags().isEmpty());
    }

    /** Mon 10 h, Tue–Fri 9 h, Sat 6 h: 52 h = 40 regular + 6 daily + 6 weekly overtime (not 6 + 12). */
    static List<Punch> heavyWeek() {
        List<Punch> ps = new ArrayList<>();
        ps.add(in("2026-03-02T07:00", BERLIN));
        ps.add(out("2026-03-02T17:00", BERLIN));
        for (int day = 3; day <= 6; day++) {
            ps.add(in(String.format("2026-03-%02dT07:00", day), BERLIN));
            ps.add(out(String.format("2026-03-%02dT16:00", day), BERLIN));
        }
        ps.add(in("2026-03-07T08:00", BERLIN));
        ps.add(out("2026-03-07T14:00", BERLIN));
        return ps;
    }

    @Test
    void dailyAndWeeklyOvertimeWithoutDoubleCounting() {
        Timesheet t = sheet(heavyWeek(), d("2026-03-02"), d("2026-03-08"), S);
        Totals x = t.totals();
        assertEquals(Duration.ofHours(52), x.worked());
        assertEquals(Duration.ofHours(6), x.dailyOvertime());
        assertEquals(Duration.ofHours(6), x.weeklyOvertime());
        assertEquals(Duration.ofHours(40), x.regular());
        assertEquals(new BigDecimal("12.00"), x.overtimeHours());
        DayTotal saturday = t.days().get(5);
        assertEquals(d("2026-03-07"), saturday.workday());
        assertEquals(Duration.ofHours(6), saturday.weeklyOvertime());
        assertEquals(Duration.ZERO, saturday.regular());
        for (DayTotal day : t.days())
            assertEquals(day.worked(), day.regular().plus(day.dailyOvertime()).plus(day.weeklyOvertime()));
        assertEquals(1, t.weeks().size());
        assertFalse(t.weeks().get(0).partial());
        assertEquals(Duration.ofHours(12), t.weeks().get(0).overtime());
    }

    @Test
    void weeklyOvertimeSeesEarlierDaysOfTheWeekOutsideThePeriod() {
        // Period Thu-Sun only: Mon-Wed (28 h, 24 h of it not daily overtime) still fill the weekly 40 h
        Timesheet t = sheet(heavyWeek(), d("2026-03-05"), d("2026-03-08"), S);
        assertEquals(Duration.ofHours(24), t.totals().worked());
        assertEquals(Duration.ofHours(2), t.totals().dailyOvertime());
        assertEquals(Duration.ofHours(6), t.totals().weeklyOvertime());
        assertEquals(Duration.ofHours(16), t.totals().regular());
        assertTrue(t.weeks().get(0).partial());
        assertEquals(d("2026-03-05"), t.weeks().get(0).from());
    }

    @Test
    void overtimeLimitsAndWeekStartAreSettings() {
        TimeclockSettings s = S.withOvertime(null, Duration.ofHours(45)).withWeekStart(java.time.DayOfWeek.SUNDAY);
        Timesheet t = sheet(heavyWeek(), d("2026-03-01"), d("2026-03-07"), s);
        assertEquals(Duration.ZERO, t.totals().dailyOvertime());
        assertEquals(Duration.ofHours(7), t.totals().weeklyOvertime());
        assertEquals(d("2026-03-01"), t.weeks().get(0).weekStart());
    }

    @Test
    void daysListCoversEveryWorkdayOfThePeriod() {
        Timesheet t = sheet(List.of(), d("2026-03-01"), d("2026-03-31"), S);
        assertEquals(31, t.days().size());
        assertEquals(6, t.weeks().size()); // Mon 23 Feb .. Mon 30 Mar weeks touch March
        assertEquals(Duration.ZERO, t.totals().worked());
    }
}
