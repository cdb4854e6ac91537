package com.clockface.timeclock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

/**
 * One workday's hours. worked = regular + dailyOvertime + weeklyOvertime.
 *
 * @param shifts         shifts that started on this workday (including flagged ones)
 * @param missingPunches shifts of this workday with a MISSING_IN or MISSING_OUT
 */
@JsonIgnoreProperties(value = {"hours", "overtimeHours"}, allowGetters = true)
public record DayTotal(LocalDate workday, Duration worked, Duration regular, Duration dailyOvertime,
                       Duration weeklyOvertime, int shifts, int missingPunches) {

    public Duration overtime() { return dailyOvertime.plus(weeklyOvertime); }

    @JsonProperty("hours")
    public BigDecimal hours() { return Hours.of(worked); }

    @JsonProperty("overtimeHours")
    public BigDecimal overtimeHours() { return Hours.of(overtime()); }
}
