package com.clockface.timeclock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Durations as decimal hours with two places (8 h 20 min = 8.33), the way timesheets show them. */
public final class Hours {
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private Hours() {}

    public static BigDecimal of(Duration d) {
        if (d == null) return null;
        BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
        return seconds.divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_UP);
    }
}
