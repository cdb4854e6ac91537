package com.clockface.timeclock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeclockSettingsTest {
    static final TimeclockSettings DEF = TimeclockSettings.defaults(ZoneId.of("Europe/Berlin"));

    @Test
    void propertiesRoundTrip() {
        TimeclockSettings s = DEF.withZone(ZoneId.of("America/New_York")).withWorkdayStart(LocalTime.of(5, 30))
                .withRounding(Rounding.MINUTES_6).withOvertime(Duration.ofMinutes(450), null)
                .withWeekStart(DayOfWeek.SUNDAY).withDebounce(Duration.ofSeconds(90));
        Map<String, String> props = s.toProperties();
        assertEquals("7.5", props.get(TimeclockSettings.KEY_DAILY_OVERTIME_HOURS));
        assertEquals("none", props.get(TimeclockSettings.KEY_WEEKLY_OVERTIME_HOURS));
        assertEquals("05:30", props.get(TimeclockSettings.KEY_WORKDAY_START));
        assertEquals(s, TimeclockSettings.fromProperties(props::get, DEF));
    }

    @Test
    void absentKeysKeepDefaultsAndBadValuesNameTheKey() {
        assertEquals(DEF, TimeclockSettings.fromProperties(k -> null, DEF));
        Map<String, String> props = new HashMap<>();
        props.put(TimeclockSettings.KEY_ROUNDING_MINUTES, "10");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeclockSettings.fromProperties(props::get, DEF));
        assertTrue(e.getMessage().contains(TimeclockSettings.KEY_ROUNDING_MINUTES), e.getMessage());
        props.clear();
        props.put(TimeclockSettings.KEY_ZONE, "Mars/Olympus");
        assertThrows(IllegalArgumentException.class, () -> TimeclockSettings.fromProperties(props::get, DEF));
        props.clear();
        props.put(TimeclockSettings.KEY_DEBOUNCE_SECONDS, "-5");
        assertThrows(IllegalArgumentException.class, () -> TimeclockSettings.fromProperties(props::get, DEF));
        props.clear();
        props.put(TimeclockSettings.KEY_DAILY_OVERTIME_HOURS, "NONE");
        assertNull(TimeclockSettings.fromProperties(props::get, DEF).dailyOvertimeAfter());
    }
}
