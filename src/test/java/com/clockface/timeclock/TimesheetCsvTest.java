package com.clockface.timeclock;

import static com.clockface.timeclock.Punches.in;
import static com.clockface.timeclock.Punches.out;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimesheetCsvTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final TimeclockSettings S = TimeclockSettings.defaults(BERLIN);

    @TempDir Path dir;

    static List<Timesheet> sheets() {
        Period week = Period.of(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-08"));
        TimesheetPerson anna = new TimesheetPerson(1, "EMP001", "Anna Bërg, Jr.");
        TimesheetPerson evil = new TimesheetPerson(2, "-42", "=HYPERLINK(\"http://x\",\"y\")");
        List<Punch> a = List.of(in("2026-03-02T08:02", BERLIN), out("2026-03-02T16:42", BERLIN),
                in("2026-03-03T22:00", BERLIN), out("2026-03-04T06:00", BERLIN), in("2026-03-05T08:00", BERLIN));
        List<Punch> e = List.of(Punches.punch(2, PunchKind.IN, "2026-03-02T09:00", BERLIN),
                Punches.punch(2, PunchKind.OUT, "2026-03-02T10:00", BERLIN));
        return List.of(Timesheet.build(anna, a, week, S), Timesheet.build(evil, e, week, S));
    }

    static List<CSVRecord> parse(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "UTF-8 BOM");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\n"));
        assertFalse(text.replace("\r\n", "").contains("\n"), "every line ends with CRLF");
        try (Reader r = new java.io.StringReader(text.substring(1))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void shiftsFileParsesBackWithOneRowPerShift() throws IOException {
        TimesheetCsv.Export files = TimesheetCsv.export(sheets(), dir.resolve("hours.csv"));
        assertEquals(dir.resolve("hours-summary.csv"), files.summary());
        List<CSVRecord> rows = parse(files.shifts());
        assertEquals(4, rows.size());
        assertEquals(TimesheetCsv.SHIFT_HEADER, rows.get(0).getParser().getHeaderNames());

        CSVRecord first = rows.get(0);
        assertEquals("EMP001", first.get("employee_no"));
        assertEquals("Anna Bërg, Jr.", first.get("name"));
        assertEquals("2026-03-02", first.get("workday"));
        assertEquals("2026-03-02 08:02", first.get("in"));
        assertEquals("2026-03-02 16:42", first.get("out"));
        assertEquals("8.67", first.get("hours"));
        assertEquals("", first.get("flags"));

        CSVRecord night = rows.get(1);
        assertEquals("2026-03-03", night.get("workday"));
        assertEquals("8.00", night.get("hours"));
        assertEquals("CROSSES_MIDNIGHT", night.get("flags"));

        CSVRecord open = rows.get(2);
        assertEquals("", open.get("out"));
        assertEquals("0.00", open.get("hours"));
        assertEquals("MISSING_OUT", open.get("flags"));
    }

    @Test
    void formulaInjectionIsNeutralised() throws IOException {
        TimesheetCsv.Export files = TimesheetCsv.export(sheets(), dir.resolve("hours.csv"));
        CSVRecord evil = parse(files.shifts()).get(3);
        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", evil.get("name"));
        assertEquals("'-42", evil.get("employee_no"));
        for (String bad : List.of("+1", "@SUM(A1)", "\tx", "-2+3"))
            assertEquals("'" + bad, TimesheetCsv.text(bad));
        assertEquals("Anna", TimesheetCsv.text("Anna"));
    }

    @Test
    void summaryHasOneRowPerPerson() throws IOException {
        TimesheetCsv.Export files = TimesheetCsv.export(sheets(), dir.resolve("hours.csv"));
        List<CSVRecord> rows = parse(files.summary());
        assertEquals(2, rows.size());
        CSVRecord anna = rows.get(0);
        assertEquals(TimesheetCsv.SUMMARY_HEADER, anna.getParser().getHeaderNames());
        assertEquals("2026-03-02", anna.get("from"));
        assertEquals("2026-03-08", anna.get("to"));
        assertEquals("3", anna.get("shifts"));
        assertEquals("16.67", anna.get("total_hours"));
        assertEquals("16.00", anna.get("regular_hours"));
        assertEquals("0.67", anna.get("overtime_hours"));
        assertEquals("1", anna.get("missing_punches"));
        assertEquals("1.00", rows.get(1).get("total_hours"));
    }

    @Test
    void semicolonStyleForEuropeanSpreadsheetsUsesADecimalComma() throws IOException {
        TimesheetCsv.Export files = TimesheetCsv.export(sheets(), dir.resolve("stunden.csv"), TimesheetCsv.Style.SEMICOLON);
        String text = new String(Files.readAllBytes(files.shifts()), StandardCharsets.UTF_8).substring(1);
        assertTrue(text.startsWith("employee_no;name;workday;in;out;"), text);
        assertTrue(text.contains("EMP001;Anna Bërg, Jr.;2026-03-02;2026-03-02 08:02;2026-03-02 16:42;"), text);
        try (Reader r = new java.io.StringReader(text)) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                    .parse(r).getRecords();
            assertEquals("8,67", rows.get(0).get("hours"));
            assertEquals(9, rows.get(0).size(), "a comma inside a name does not split the row");
            assertEquals("Anna Bërg, Jr.", rows.get(0).get("name"));
        }
        String summary = new String(Files.readAllBytes(files.summary()), StandardCharsets.UTF_8);
        assertTrue(summary.contains(";16,67;16,00;0,67;"), summary);
    }
}
