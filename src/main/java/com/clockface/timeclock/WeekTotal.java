package com.clockface.timeclock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The days of one overtime week that lie inside the timesheet's period. When the period cuts the week
 * ({@code partial}), the weekly overtime still counts the week's earlier days outside the period (if
 * their punches were supplied), but only the days inside the period are summed here.
 *
 * @param weekStart first day of the whole week
 * @param from      first day of the week inside the period
 * @param to        last day of the week inside the period
 */
@JsonIgnoreProperties(value = {"hours", "overtimeHours"}, allowGetters = true)
public record WeekTotal(LocalDate weekStart, LocalDate from, LocalDate to, boolean partial, Duration worked,
                        Duration regular, Duration dailyOvertime, Duration weeklyOvertime) {

    public Duration overtime() { return dailyOvertime.plus(weeklyOvertime); }

    @JsonProperty("hours")
    public BigDecimal hours() { return Hours.of(worked); }

    @JsonProperty("overtimeHours")
    public BigDecimal overtimeHours() { return Hours.of(overtime()); }
}
