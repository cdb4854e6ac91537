package com.clockface.timeclock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Several people's timesheets over one period with their sum: the JSON document of
 * {@code clockface timesheet --from --to [--person]}. Besides each person's timesheet it carries
 * {@link #shifts()}: every shift of everybody as one flat row (who, workday, in, out, hours), the shape
 * a script or a payroll import wants.
 */
@JsonIgnoreProperties(value = {"shifts"}, allowGetters = true)
@JsonPropertyOrder({"period", "shifts", "people", "totals"})
public record TimesheetReport(Period period, List<Timesheet> people, Totals totals) {

    /**
     * One shift of one person. {@code in}/{@code out} are the real punch times (null when missing), the
     * rounded times are what the hours were computed from.
     */
    public record ShiftRow(String employeeNo, String name, LocalDate workday, OffsetDateTime in, OffsetDateTime out,
                           OffsetDateTime roundedIn, OffsetDateTime roundedOut, BigDecimal hours, Set<ShiftFlag> flags,
                           Long inPunchId, Long outPunchId) { }

    /** Every shift of the report, person by person in report order, each person's shifts in time order. */
    @JsonProperty("shifts")
    public List<ShiftRow> shifts() {
        List<ShiftRow> rows = new ArrayList<>();
        for (Timesheet t : people) {
            for (Shift s : t.shifts()) {
                rows.add(new ShiftRow(t.person().employeeNo(), t.person().name(), s.workday(), s.in(), s.out(),
                        s.roundedIn(), s.roundedOut(), s.hours(), s.flags(), s.inPunchId(), s.outPunchId()));
            }
        }
        return rows;
    }

    public TimesheetReport {
        Objects.requireNonNull(period, "period");
        people = List.copyOf(people);
    }

    public static TimesheetReport of(Period period, List<Timesheet> people) {
        Duration worked = Duration.ZERO, regular = Duration.ZERO, daily = Duration.ZERO, weekly = Duration.ZERO;
        int shifts = 0, missing = 0, overlong = 0;
        for (Timesheet t : people) {
            if (!t.period().equals(period))
                throw new IllegalArgumentException("timesheet of " + t.person().employeeNo() + " covers " + t.period()
                        + ", not " + period);
            Totals x = t.totals();
            worked = worked.plus(x.worked());
            regular = regular.plus(x.regular());
            daily = daily.plus(x.dailyOvertime());
            weekly = weekly.plus(x.weeklyOvertime());
            shifts += x.shifts();
            missing += x.missingPunches();
            overlong += x.overlongShifts();
        }
        return new TimesheetReport(period, people, new Totals(worked, regular, daily, weekly, shifts, missing, overlong));
    }
}
