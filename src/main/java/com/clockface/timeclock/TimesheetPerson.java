package com.clockface.timeclock;

import java.util.Objects;

/** Who a timesheet is for, as the export shows it; filled by the caller, not read from the store here. */
public record TimesheetPerson(long id, String employeeNo, String name) {
    public TimesheetPerson {
        Objects.requireNonNull(employeeNo, "employeeNo");
        Objects.requireNonNull(name, "name");
    }
}
