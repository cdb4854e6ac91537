package com.clockface.timeclock;

import static com.clockface.timeclock.Punches.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoundingTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu"); // +05:45

    @ParameterizedTest
    @EnumSource(value = Rounding.class, names = {"MINUTES_5", "MINUTES_6", "MINUTES_15"})
    void neutralOverEveryMinuteOfTheHour(Rounding r) {
        long sumSeconds = 0;
        long maxAbs = 0;
        int up = 0, down = 0;
        for (int minute = 0; minute < 60; minute++) {
            Instant t = at(String.format("2026-03-02T08:%02d", minute), BERLIN);
            long off = Duration.between(t, r.round(t, BERLIN)).getSeconds();
            sumSeconds += off;
            maxAbs = Math.max(maxAbs, Math.abs(off));
            if (off > 0) up++;
            if (off < 0) down++;
        }
        assertEquals(0, sumSeconds, "average rounding offset over minutes 0..59 must be zero");
        assertEquals(up, down, "as many minutes rounded up as down");
        assertTrue(maxAbs <= r.minutes() * 30L, "never more than half an increment");
    }

    @Test
    void roundsToNearestInBothDirections() {
        Instant t1 = at("2026-03-02T08:07", BERLIN);
        assertEquals(at("2026-03-02T08:00", BERLIN), Rounding.MINUTES_15.round(t1, BERLIN));
        Instant t2 = at("2026-03-02T08:08", BERLIN);
        assertEquals(at("2026-03-02T08:15", BERLIN), Rounding.MINUTES_15.round(t2, BERLIN));
        Instant t3 = at("2026-03-02T23:53", BERLIN);
        assertEquals(at("2026-03-03T00:00", BERLIN), Rounding.MINUTES_15.round(t3, BERLIN));
        assertEquals(at("2026-03-02T08:06", BERLIN), Rounding.MINUTES_6.round(at("2026-03-02T08:05:59", BERLIN), BERLIN));
        assertEquals(t1, Rounding.NONE.round(t1, BERLIN));
    }

    @Test
    void roundsOnTheLocalWallClockInOddOffsetZones() {
        // 08:07 in Kathmandu is 02:22 UTC; the increment is on the local clock, so 08:00 local
        assertEquals(at("2026-03-02T08:00", KATHMANDU), Rounding.MINUTES_15.round(at("2026-03-02T08:07", KATHMANDU), KATHMANDU));
    }
}
