package com.clockface.cli;

import com.clockface.admin.AdminServices;
import com.clockface.timeclock.Period;
import com.clockface.timeclock.Shift;
import com.clockface.timeclock.Timesheet;
import com.clockface.timeclock.TimesheetCsv;
import com.clockface.timeclock.TimesheetReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clockface timesheet --from --to [--person] [--csv FILE]}: shifts per workday with the site's
 * rules; JSON (--json) is the {@link TimesheetReport} document: per person the shifts (workday, in, out,
 * rounded times, hours, flags, punch ids), day and week totals, and the totals of everybody.
 */
@Command(name = "timesheet", mixinStandardHelpOptions = true,
        description = "Timesheets over a period: shifts (IN/OUT pairs by workday), flags, daily and weekly totals "
                + "and overtime. --csv writes FILE (one row per shift) and FILE-summary.csv.")
public final class TimesheetCommand extends ServiceCommand {

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First workday.") LocalDate from;
    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last workday (inclusive).") LocalDate to;
    @Option(names = "--person", paramLabel = "EMPLOYEE_NO", description = "Only this person.") String person;
    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the CSV export.") Path csv;

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    @Override
    int run(AdminServices s) throws IOException {
        TimesheetReport r = s.timesheets().report(Period.of(from, to), person);
        TimesheetCsv.Export export = csv == null ? null : s.timesheets().exportCsv(r, csv);
        if (json) {
            printJson(r);
        } else {
            for (Timesheet t : r.people()) {
                println(t.person().employeeNo() + "  " + t.person().name() + "   " + t.totals().hours() + " h ("
                        + t.totals().regularHours() + " regular, " + t.totals().overtimeHours() + " overtime), "
                        + t.totals().shifts() + " shifts" + (t.totals().missingPunches() > 0
                        ? ", " + t.totals().missingPunches() + " with a missing punch" : ""));
                for (Shift sh : t.shifts()) {
                    println(String.format("  %s  %5s - %-5s  %6s h  %s", sh.workday(), time(sh.in()), time(sh.out()),
                            sh.hours().toPlainString(),
                            sh.flags().stream().map(f -> f.name().toLowerCase().replace('_', ' ')).collect(Collectors.joining(", "))));
                }
            }
            println("Total " + r.period().from() + " to " + r.period().to() + ": " + r.totals().hours() + " h, "
                    + r.people().size() + " people");
        }
        if (export != null) {
            err().println("Wrote " + export.shifts() + " and " + export.summary());
            err().flush();
        }
        return 0;
    }

    private static String time(OffsetDateTime t) { return t == null ? "--:--" : HM.format(t); }
}
