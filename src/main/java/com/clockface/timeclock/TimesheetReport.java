package com.clockface.timeclock;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Several people's timesheets over one period with their sum: the JSON document of
 * {@code clockface timesheet --from --to [--person]}.
 */
public record TimesheetReport(Period period, List<Timesheet> people, Totals totals) {

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
