package com.clockface.timeclock;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Timesheet export as two CSV files a spreadsheet opens without fixes: UTF-8 with a byte-order mark,
 * comma separated, CRLF line ends, a header row, ISO dates ({@code 2026-03-02}), local times as
 * {@code 2026-03-02 08:02} (the form spreadsheets read as a date-time), hours with a decimal point and two
 * places. Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a
 * leading apostrophe.
 *
 * <p>The shifts file has one row per shift; the summary file one row per person.
 *
 * <p>Which separator a spreadsheet expects depends on its language: English-language spreadsheets (and
 * LibreOffice by default) read commas and a decimal point ({@link Style#COMMA}); Excel in German, French and
 * most of continental Europe reads semicolons and a decimal comma ({@link Style#SEMICOLON}), and would show a
 * comma file as one column and "8.50" as a date. The site chooses (setting {@code export.csv_style}).
 */
public final class TimesheetCsv {

    /** Field separator and decimal mark, for the spreadsheet's language. */
    public enum Style {
        COMMA(',', '.'), SEMICOLON(';', ',');

        final char delimiter;
        final char decimal;

        Style(char delimiter, char decimal) {
            this.delimiter = delimiter;
            this.decimal = decimal;
        }

        String number(java.math.BigDecimal d) {
            String s = d.toPlainString();
            return decimal == '.' ? s : s.replace('.', decimal);
        }

        CSVFormat format() { return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("\r\n").get(); }
    }
    public static final List<String> SHIFT_HEADER = List.of(
            "employee_no", "name", "workday", "in", "out", "rounded_in", "rounded_out", "hours", "flags");
    public static final List<String> SUMMARY_HEADER = List.of(
            "employee_no", "name", "from", "to", "shifts", "total_hours", "regular_hours", "overtime_hours",
            "daily_overtime_hours", "weekly_overtime_hours", "missing_punches", "overlong_shifts");

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final char BOM = '\uFEFF';

    private TimesheetCsv() {}

    /** The two files written: shifts and summary. */
    public record Export(Path shifts, Path summary) {}

    /** Writes {@code shiftsFile} and next to it {@code <name>-summary.csv}, comma style. */
    public static Export export(Collection<Timesheet> sheets, Path shiftsFile) throws IOException {
        return export(sheets, shiftsFile, Style.COMMA);
    }

    /** Writes {@code shiftsFile} and next to it {@code <name>-summary.csv}. */
    public static Export export(Collection<Timesheet> sheets, Path shiftsFile, Style style) throws IOException {
        Path summary = summaryPathFor(shiftsFile);
        try (OutputStream out = Files.newOutputStream(shiftsFile)) {
            writeShifts(sheets, out, style);
        }
        try (OutputStream out = Files.newOutputStream(summary)) {
            writeSummary(sheets, out, style);
        }
        return new Export(shiftsFile, summary);
    }

    /** {@code hours.csv} -> {@code hours-summary.csv}. */
    public static Path summaryPathFor(Path shiftsFile) {
        String name = shiftsFile.getFileName().toString();
        String base = name.toLowerCase().endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return shiftsFile.resolveSibling(base + "-summary.csv");
    }

    /** Writes the shift rows (with BOM and header), comma style, and flushes; does not close {@code out}. */
    public static void writeShifts(Collection<Timesheet> sheets, OutputStream out) throws IOException {
        writeShifts(sheets, out, Style.COMMA);
    }

    public static void writeShifts(Collection<Timesheet> sheets, OutputStream out, Style style) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(BOM);
        CSVPrinter csv = new CSVPrinter(w, style.format());
        csv.printRecord(SHIFT_HEADER);
        for (Timesheet t : sheets) {
            for (Shift s : t.shifts()) {
                csv.printRecord(text(t.person().employeeNo()), text(t.person().name()), s.workday().toString(),
                        time(s.in()), time(s.out()), time(s.roundedIn()), time(s.roundedOut()),
                        style.number(s.hours()),
                        s.flags().stream().map(Enum::name).collect(Collectors.joining(" ")));
            }
        }
        csv.flush();
    }

    /** Writes the per-person summary rows (with BOM and header), comma style, and flushes; does not close {@code out}. */
    public static void writeSummary(Collection<Timesheet> sheets, OutputStream out) throws IOException {
        writeSummary(sheets, out, Style.COMMA);
    }

    public static void writeSummary(Collection<Timesheet> sheets, OutputStream out, Style style) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(BOM);
        CSVPrinter csv = new CSVPrinter(w, style.format());
        csv.printRecord(SUMMARY_HEADER);
        for (Timesheet t : sheets) {
            Totals x = t.totals();
            csv.printRecord(text(t.person().employeeNo()), text(t.person().name()),
                    t.period().from().toString(), t.period().to().toString(), x.shifts(),
                    style.number(x.hours()), style.number(x.regularHours()), style.number(x.overtimeHours()),
                    style.number(Hours.of(x.dailyOvertime())), style.number(Hours.of(x.weeklyOvertime())),
                    x.missingPunches(), x.overlongShifts());
        }
        csv.flush();
    }

    /** Neutralises spreadsheet formulas (CSV injection) in free text. */
    static String text(String s) {
        if (s == null || s.isEmpty()) return s;
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return "'" + s;
        return s;
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "" : LOCAL.format(t);
    }
}
