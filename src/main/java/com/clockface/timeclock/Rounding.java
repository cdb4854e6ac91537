package com.clockface.timeclock;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Neutral rounding of punch times to the nearest increment of local wall-clock time, in both
 * directions. A time exactly half-way is rounded to the even increment (banker's rounding), so ties
 * alternate up and down and no party is systematically favoured: over any whole hour of punch
 * minutes the average offset is zero for 5, 6 and 15 minutes.
 */
public enum Rounding {
    NONE(0), MINUTES_5(5), MINUTES_6(6), MINUTES_15(15);

    private final int minutes;

    Rounding(int minutes) { this.minutes = minutes; }

    public int minutes() { return minutes; }

    /** 0 (or "none") = NONE, 5, 6, 15. */
    public static Rounding ofMinutes(int minutes) {
        for (Rounding r : values()) if (r.minutes == minutes) return r;
        throw new IllegalArgumentException("rounding must be 0 (none), 5, 6 or 15 minutes, not " + minutes);
    }

    /**
     * Rounds an instant on the wall clock of {@code zone}. The zone offset in force at the instant is
     * kept, so rounding never jumps across a DST change (the result is at most half an increment away).
     */
    public Instant round(Instant t, ZoneId zone) {
        if (this == NONE || t == null) return t;
        long offsetMillis = zone.getRules().getOffset(t).getTotalSeconds() * 1000L;
        long local = t.toEpochMilli() + offsetMillis;
        long inc = minutes * 60_000L;
        long q = Math.floorDiv(local, inc);
        long r = Math.floorMod(local, inc);
        long twice = 2 * r;
        if (twice > inc || (twice == inc && (q & 1) == 1)) q++;
        return Instant.ofEpochMilli(q * inc - offsetMillis);
    }
}
