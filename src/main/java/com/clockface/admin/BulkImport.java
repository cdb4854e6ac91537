package com.clockface.admin;

import com.clockface.checkin.EnrolmentException;
import com.clockface.checkin.FaceEngine;
import com.clockface.gallery.Candidate;
import com.clockface.store.AuditLog;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.PersonStatus;
import com.clockface.store.Template;
import com.clockface.store.TemplateRepository;
import com.clockface.store.TemplateSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk import of people with trusted photos, from a CSV or a folder of photos. Every row is checked like a
 * single enrolment (employee number, name, worker PIN, consent, the trusted-photo rules, the 1:N duplicate
 * check) and reported: IMPORTED, DUPLICATE (the face already belongs to someone else: not imported unless
 * duplicates are allowed), REFUSED (with the specific reason), or SKIPPED (already enrolled). Rows are saved one
 * by one, so a failure on row 50 keeps rows 1-49, and running the same file again skips what is done.
 *
 * <h2>CSV</h2>
 * A header row names the columns (any order, case-insensitive; comma or semicolon separated, UTF-8 with or
 * without BOM): {@code employee_no} and {@code photo} (a path, relative to the CSV's folder) are required;
 * {@code name} (required for a new person), {@code collection}, {@code pin} and {@code consent} (yes/no) are
 * optional. Several rows with one employee number give that person several templates.
 *
 * <h2>Folder</h2>
 * Each photo is one row; the file name says who: {@code EMP001 - Ana Lima.jpg} or {@code EMP001_Ana_Lima.jpg}
 * (employee number, then the name), or just {@code EMP001.jpg} for a person who exists already. A sub-folder
 * named that way holds several photos of one person.
 */
public final class BulkImport {

    private static final Logger LOG = LoggerFactory.getLogger(BulkImport.class);

    /** What happened to a row. */
    public enum Status { IMPORTED, DUPLICATE, REFUSED, SKIPPED }

    /** One input row, as read; {@code problem} is set when it cannot even be tried (e.g. no photo given). */
    public record Row(int line, String employeeNo, String name, String collection, Path photo, String pin, String consent,
                      String problem) { }

    /**
     * The outcome of one row.
     *
     * @param reason a stable code: a {@link com.clockface.vision.QualityIssue} name for a refused photo, or
     *               MISSING_EMPLOYEE_NO, MISSING_NAME, MISSING_PHOTO, PHOTO_NOT_FOUND, NO_CONSENT, BAD_PIN,
     *               NAME_MISMATCH, ERASED, ALREADY_ENROLLED, DUPLICATE, SAVE_FAILED; null when imported cleanly
     */
    public record RowResult(int line, String employeeNo, String name, String photo, Status status, String reason,
                            String message, List<Enrolment.Lookalike> lookalikes, Long personId, Long templateId) { }

    /** The whole run. */
    public record Report(String source, int total, int imported, int duplicates, int refused, int skipped, boolean cancelled,
                         List<RowResult> rows) { }

    /** Told after every row (on the importing thread): rows done so far, rows in all, the row's result. */
    @FunctionalInterface
    public interface Progress {
        void rowDone(int done, int total, RowResult result);
    }

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "jp2", "j2k", "jpf");
    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        for (String s : List.of("employee_no", "employee no", "employee number", "employee_number", "employee", "emp_no", "id",
                "number", "personnel_no")) COLUMNS.put(s, "employee_no");
        for (String s : List.of("name", "full name", "full_name", "fullname")) COLUMNS.put(s, "name");
        for (String s : List.of("photo", "photo_path", "photo path", "image", "picture", "file")) COLUMNS.put(s, "photo");
        for (String s : List.of("collection", "site", "group")) COLUMNS.put(s, "collection");
        COLUMNS.put("pin", "pin");
        COLUMNS.put("consent", "consent");
    }

    private final Database db;
    private final FaceEngine engine;
    private final int pinIterations;
    private volatile boolean cancelled;

    public BulkImport(Database db, FaceEngine engine, int pinIterations) {
        this.db = Objects.requireNonNull(db, "db");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.pinIterations = pinIterations;
    }

    /** Stops after the row being checked now; the report says which rows were done. Any thread. */
    public void cancel() { cancelled = true; }

    // ---- reading ------------------------------------------------------------------------------------

    /**
     * Reads the rows of a CSV file.
     *
     * @throws IOException the file cannot be read, or its header lacks employee_no or photo (the message says
     *                     which columns were found)
     */
    public static List<Row> readCsv(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) throw new IOException("The CSV file " + csv + " does not exist.");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1); // Excel's UTF-8 BOM
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).get();
        Path base = csv.toAbsolutePath().getParent();
        List<Row> rows = new ArrayList<>();
        try (Reader r = new java.io.StringReader(text); CSVParser p = CSVParser.parse(r, format)) {
            Map<String, String> columnOf = new HashMap<>(); // canonical -> header as written
            for (String h : p.getHeaderNames()) {
                String canonical = COLUMNS.get(h.strip().toLowerCase(Locale.ROOT));
                if (canonical != null) columnOf.putIfAbsent(canonical, h);
            }
            if (!columnOf.containsKey("employee_no") || !columnOf.containsKey("photo")) {
                throw new IOException("The CSV " + csv.getFileName() + " needs the columns employee_no and photo in its first "
                        + "row (found: " + String.join(", ", p.getHeaderNames()) + ").");
            }
            for (CSVRecord rec : p) {
                int line = (int) rec.getRecordNumber() + 1;
                String no = get(rec, columnOf, "employee_no");
                String photo = get(rec, columnOf, "photo");
                Path file = photo == null ? null : base.resolve(photo);
                String problem = photo == null ? "MISSING_PHOTO" : null;
                rows.add(new Row(line, no, get(rec, columnOf, "name"), get(rec, columnOf, "collection"), file,
                        get(rec, columnOf, "pin"), columnOf.containsKey("consent") ? orEmpty(get(rec, columnOf, "consent")) : null,
                        problem));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("The CSV " + csv.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
        return rows;
    }

    private static String get(CSVRecord rec, Map<String, String> columnOf, String canonical) {
        String h = columnOf.get(canonical);
        if (h == null || !rec.isSet(h)) return null;
        String v = rec.get(h).strip();
        return v.isEmpty() ? null : v;
    }

    private static String orEmpty(String s) { return s == null ? "" : s; }

    /** Reads the photos of a folder (and of its sub-folders, one level), in name order. */
    public static List<Row> readFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("The folder " + dir + " does not exist.");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, 2)) {
            s.filter(Files::isRegularFile).filter(BulkImport::isImage).sorted().forEach(files::add);
        }
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (Path f : files) {
            Path parent = f.getParent();
            String who = parent.equals(dir) ? baseName(f.getFileName().toString()) : parent.getFileName().toString();
            String[] noName = splitName(who);
            rows.add(new Row(++n, noName[0], noName[1], null, f, null, null, null));
        }
        return rows;
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String baseName(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** "EMP001 - Ana Lima" or "EMP001_Ana_Lima" to {employee no, name}; "EMP001" to {EMP001, null}. */
    static String[] splitName(String s) {
        String t = s.strip();
        int dash = t.indexOf(" - ");
        if (dash > 0) return new String[] {t.substring(0, dash).strip(), blankToNull(t.substring(dash + 3).strip())};
        int us = t.indexOf('_');
        if (us > 0) return new String[] {t.substring(0, us).strip(), blankToNull(t.substring(us + 1).replace('_', ' ').strip())};
        return new String[] {t, null};
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }

    // ---- running ------------------------------------------------------------------------------------

    /**
     * Checks and saves every row, in order (model work: not on the screen thread).
     *
     * @param consentCollected the admin confirms every person in the file read and accepted the consent text
     *                         (rows of a {@code consent} column saying no are refused anyway)
     * @param allowDuplicates  import faces that already belong to someone else (reported with a warning)
     */
    public Report run(String source, List<Row> rows, boolean consentCollected, boolean allowDuplicates, String actor,
                      Progress progress) {
        Corrections.requireActor(actor);
        if (!consentCollected) {
            throw new IllegalArgumentException("Confirm that every person in the file has read and accepted the consent text "
                    + "before importing their faces.");
        }
        cancelled = false;
        PersonRepository persons = new PersonRepository(db);
        TemplateRepository templates = new TemplateRepository(db);
        Enrolment enrolment = new Enrolment(db, pinIterations);
        Map<String, Long> createdHere = new HashMap<>(); // employee no -> person created by this run
        List<RowResult> out = new ArrayList<>();
        for (Row row : rows) {
            if (cancelled) break;
            RowResult r;
            try {
                r = one(row, persons, templates, enrolment, createdHere, allowDuplicates, actor);
            } catch (RuntimeException e) {
                LOG.warn("import row {} failed", row.line(), e);
                r = result(row, Status.REFUSED, "SAVE_FAILED", "Could not be saved: " + e.getMessage(), List.of(), null, null);
            }
            out.add(r);
            if (progress != null) progress.rowDone(out.size(), rows.size(), r);
        }
        Report report = new Report(source, rows.size(), count(out, Status.IMPORTED), count(out, Status.DUPLICATE),
                count(out, Status.REFUSED), count(out, Status.SKIPPED), cancelled, List.copyOf(out));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("source", source);
        detail.put("rows", rows.size());
        detail.put("imported", report.imported());
        detail.put("duplicates", report.duplicates());
        detail.put("refused", report.refused());
        detail.put("skipped", report.skipped());
        detail.put("allow_duplicates", allowDuplicates);
        detail.put("cancelled", cancelled);
        new AuditLog(db).append(actor, "person.import", "import", detail);
        return report;
    }

    private RowResult one(Row row, PersonRepository persons, TemplateRepository templates, Enrolment enrolment,
                          Map<String, Long> createdHere, boolean allowDuplicates, String actor) {
        if (row.employeeNo() == null || row.employeeNo().isBlank()) {
            return result(row, Status.REFUSED, "MISSING_EMPLOYEE_NO", "No employee number.", List.of(), null, null);
        }
        if (row.problem() != null) {
            return result(row, Status.REFUSED, row.problem(), "No photo file is given for this row.", List.of(), null, null);
        }
        if (!Files.exists(row.photo())) {
            return result(row, Status.REFUSED, "PHOTO_NOT_FOUND", "The photo file " + row.photo().getFileName() + " does not exist (in "
                    + row.photo().toAbsolutePath().getParent() + ").", List.of(), null, null);
        }
        String no = row.employeeNo().strip();
        Person existing = persons.findByEmployeeNo(no).orElse(null);
        boolean ours = createdHere.containsKey(no);
        if (existing != null && existing.status() == PersonStatus.ERASED) {
            return result(row, Status.REFUSED, "ERASED", "The employee number " + no + " belongs to an erased person; use a new one.",
                    List.of(), existing.id(), null);
        }
        if (existing != null && row.name() != null && !row.name().strip().equalsIgnoreCase(existing.name())) {
            return result(row, Status.REFUSED, "NAME_MISMATCH", no + " is enrolled as " + existing.name() + ", not "
                    + row.name().strip() + ". Correct the file or the person.", List.of(), existing.id(), null);
        }
        if (existing != null && !ours) {
            int has = templates.listForPerson(existing.id()).size();
            if (has > 0) {
                return result(row, Status.SKIPPED, "ALREADY_ENROLLED", no + " already has " + has + (has == 1 ? " face template" : " face templates")
                        + "; nothing imported (add photos on the Enrol screen).", List.of(), existing.id(), null);
            }
        }
        if (existing == null) {
            if (row.name() == null) {
                return result(row, Status.REFUSED, "MISSING_NAME", "A new person needs a name (a name column, or a file named '"
                        + no + " - Full Name.jpg').", List.of(), null, null);
            }
            if (row.consent() != null && !yes(row.consent())) {
                return result(row, Status.REFUSED, "NO_CONSENT", "The consent column does not say yes for this person.", List.of(), null, null);
            }
            if (row.pin() != null) {
                try {
                    Enrolment.checkWorkerPin(row.pin());
                } catch (IllegalArgumentException e) {
                    return result(row, Status.REFUSED, "BAD_PIN", e.getMessage(), List.of(), null, null);
                }
            }
        }
        long personId = existing == null ? 0 : existing.id();
        FaceEngine.PreparedTemplate t;
        try {
            t = engine.prepareTrustedPhoto(row.photo(), personId); // file rules, then the face rules
        } catch (EnrolmentException e) {
            return result(row, Status.REFUSED, e.problems().get(0).issue().name(), e.getMessage(), List.of(), personId == 0 ? null : personId, null);
        }
        List<Enrolment.Lookalike> looks = new ArrayList<>();
        for (Candidate c : t.lookalikes()) {
            persons.findById(c.personId()).ifPresent(p -> looks.add(new Enrolment.Lookalike(p.id(), p.employeeNo(), Persons.displayName(p), c.score())));
        }
        if (!looks.isEmpty() && !allowDuplicates) {
            Enrolment.Lookalike l = looks.get(0);
            return result(row, Status.DUPLICATE, "DUPLICATE", "Not imported: the face looks like " + l.employeeNo() + " " + l.name()
                    + " (" + Math.round(l.score() * 100) + "%). Check it is a different person, then import with duplicates allowed.",
                    looks, personId == 0 ? null : personId, null);
        }
        Person p = existing != null ? existing
                : enrolment.createPerson(no, row.name().strip(), row.collection(), row.pin(), true, actor);
        if (existing == null) createdHere.put(no, p.id());
        Template saved = engine.saveTemplates(p.id(), List.of(t), TemplateSource.IMPORT, actor).get(0);
        String msg = (existing == null ? "Imported " : "Added a photo to ") + no + " " + p.name() + " (quality "
                + Math.round(t.quality().score() * 100) + "%).";
        if (!looks.isEmpty()) {
            msg += " Warning: the face looks like " + looks.get(0).employeeNo() + " " + looks.get(0).name() + ".";
        }
        return result(row, Status.IMPORTED, looks.isEmpty() ? null : "DUPLICATE", msg, looks, p.id(), saved.id());
    }

    /** The per-row report as a CSV a spreadsheet opens as is (UTF-8 with BOM, CRLF, formulas neutralised), comma separated. */
    public static void writeReportCsv(Report report, Path file) throws IOException {
        writeReportCsv(report, file, com.clockface.timeclock.TimesheetCsv.Style.COMMA);
    }

    /** As {@link #writeReportCsv(Report, Path)}, with the site's separator ({@link KioskSettings#csvStyle()}). */
    public static void writeReportCsv(Report report, Path file, com.clockface.timeclock.TimesheetCsv.Style style) throws IOException {
        try (java.io.Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(w, CSVFormat.DEFAULT.builder()
                    .setDelimiter(style == com.clockface.timeclock.TimesheetCsv.Style.SEMICOLON ? ';' : ',')
                    .setRecordSeparator("\r\n").get());
            csv.printRecord("line", "employee_no", "name", "photo", "status", "reason", "message");
            for (RowResult r : report.rows()) {
                csv.printRecord(r.line(), text(r.employeeNo()), text(r.name()), text(r.photo()), r.status().name(),
                        r.reason() == null ? "" : r.reason(), text(r.message()));
            }
            csv.flush();
        }
    }

    /** Text a spreadsheet would run as a formula gets a leading apostrophe. */
    private static String text(String s) {
        if (s == null || s.isEmpty()) return s;
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    private static boolean yes(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        return s.equals("yes") || s.equals("y") || s.equals("true") || s.equals("1") || s.equals("x") || s.matches("\\d{4}-\\d{2}-\\d{2}.*");
    }

    private static RowResult result(Row row, Status status, String reason, String message, List<Enrolment.Lookalike> looks,
                                    Long personId, Long templateId) {
        return new RowResult(row.line(), row.employeeNo(), row.name(), row.photo() == null ? null : row.photo().getFileName().toString(),
                status, reason, message, List.copyOf(looks), personId, templateId);
    }

    private static int count(List<RowResult> rows, Status s) {
        return (int) rows.stream().filter(r -> r.status() == s).count();
    }
}
