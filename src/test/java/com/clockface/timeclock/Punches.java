package com.clockface.timeclock;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/** Test helper: punches at local wall-clock times. */
final class Punches {
    private static final AtomicLong IDS = new AtomicLong(1);

    private Punches() {}

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static Punch punch(long person, PunchKind kind, String localDateTime, ZoneId zone) {
        return punch(person, kind, at(localDateTime, zone), zone, PunchStatus.CONFIRMED);
    }

    static Punch punch(long person, PunchKind kind, Instant at, ZoneId zone, PunchStatus status) {
        return new Punch(IDS.getAndIncrement(), person, kind, at, zone, "kiosk-1", PunchSource.FACE, status, null, null);
    }

    static Punch in(String t, ZoneId z) { return punch(1, PunchKind.IN, t, z); }

    static Punch out(String t, ZoneId z) { return punch(1, PunchKind.OUT, t, z); }
}
