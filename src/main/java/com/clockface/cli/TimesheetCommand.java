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
 * {@code clockface timesheet --from --to [--person] [--csv FILE] [--text]}: shifts per workday with the
 * site's rules. Stdout is JSON by default, the {@link TimesheetReport} document: {@code shifts} (one flat
 * row per shift: employee, workday, in, out, hours, flags), per person the same shifts with day and week
 * totals, and the totals of everybody. {@code --text} prints a readable summary instead.
 */
@Command(name = "timesheet", mixinStandardHelpOptions = true,
        description = "Timesheets over a period as JSON on stdout: one row per shift (workday, in, out, hours, flags), "
                + "per person daily and weekly totals and overtime, and the totals. --text prints a readable summary "
                + "instead. --csv writes FILE (one row per shift) and FILE-summary.csv.")
public final class TimesheetCommand extends ServiceCommand {

    @Option(names = "--text", description = "Print a readable summary instead of JSON.") boolean text;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First workday.") LocalDate from;
    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last workday (inclusive).") LocalDate to;
    @Option(names = "--person", paramLabel = "EMPLOYEE_NO", description = "Only this person.") String person;
    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the CSV export.") Path csv;

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    @Override
    int run(AdminServices s) throws IOException {
        if (text && json) throw new IllegalArgumentException("--text and --json contradict each other: choose one.");
        json = !text; // JSON is the default; --json is accepted for scripts written against older versions
        TimesheetReport r = s.timesheets().report(Period.of(from, to), person);
        TimesheetCsv.Export export = csv == null ? null : s.timesheets().exportCsv(r, csv, actor());
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
