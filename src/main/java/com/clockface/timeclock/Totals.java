package com.clockface.timeclock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A timesheet's totals over its period. worked = regular + dailyOvertime + weeklyOvertime.
 *
 * @param shifts         all shifts of the period, flagged ones included
 * @param missingPunches shifts with a MISSING_IN or MISSING_OUT (they count zero hours)
 * @param overlongShifts shifts flagged OVERLONG (they count, but deserve a look)
 */
@JsonIgnoreProperties(value = {"hours", "regularHours", "overtimeHours"}, allowGetters = true)
public record Totals(Duration worked, Duration regular, Duration dailyOvertime, Duration weeklyOvertime,
                     int shifts, int missingPunches, int overlongShifts) {

    public Duration overtime() { return dailyOvertime.plus(weeklyOvertime); }

    @JsonProperty("hours")
    public BigDecimal hours() { return Hours.of(worked); }

    @JsonProperty("regularHours")
    public BigDecimal regularHours() { return Hours.of(regular); }

    @JsonProperty("overtimeHours")
    public BigDecimal overtimeHours() { return Hours.of(overtime()); }
}
