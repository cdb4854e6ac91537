package com.clockface.timeclock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodTest {
    static LocalDate d(String s) { return LocalDate.parse(s); }

    @Test
    void weekTwoWeeksAndMonth() {
        assertEquals(Period.of(d("2026-03-02"), d("2026-03-08")), Period.week(d("2026-03-04"), DayOfWeek.MONDAY));
        assertEquals(Period.of(d("2026-03-01"), d("2026-03-07")), Period.week(d("2026-03-04"), DayOfWeek.SUNDAY));
        assertEquals(Period.of(d("2026-03-02"), d("2026-03-08")), Period.week(d("2026-03-02"), DayOfWeek.MONDAY));
        // fortnights anchored on Mon 5 Jan 2026, the anchor may lie before or after the date
        assertEquals(Period.of(d("2026-02-16"), d("2026-03-01")), Period.twoWeeks(d("2026-03-01"), d("2026-01-05")));
        assertEquals(Period.of(d("2026-03-02"), d("2026-03-15")), Period.twoWeeks(d("2026-03-02"), d("2026-01-05")));
        assertEquals(Period.of(d("2026-03-02"), d("2026-03-15")), Period.twoWeeks(d("2026-03-10"), d("2026-12-21")));
        assertEquals(Period.of(d("2028-02-01"), d("2028-02-29")), Period.month(d("2028-02-13")));
        assertEquals(29, Period.month(d("2028-02-13")).length());
    }

    @Test
    void invalidRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Period.of(d("2026-03-02"), d("2026-03-01")));
    }

    @Test
    void fetchRangeCoversTheWholeWeekAndEdgeShifts() {
        TimeclockSettings s = TimeclockSettings.defaults(ZoneId.of("Europe/Berlin"));
        Period p = Period.of(d("2026-03-04"), d("2026-03-04"));
        // Monday's night shift before the period must be loaded (weekly overtime)
        assertTrue(p.fetchFrom(s).isBefore(Punches.at("2026-03-02T04:00", s.zone())));
        assertTrue(p.fetchTo(s).isAfter(Punches.at("2026-03-05T20:00", s.zone())));
    }
}
