package com.clockface.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.clockface.checkin.FaceEngine;
import com.clockface.gallery.SearchMode;
import com.clockface.liveness.LivenessProfile;
import com.clockface.store.AppHome;
import com.clockface.store.AuditLog;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.SecretHash;
import com.clockface.store.Template;
import com.clockface.store.TemplateRepository;
import com.clockface.store.TemplateSource;
import com.clockface.vision.ImageDecoder;
import com.clockface.vision.ModelResolver;
import com.clockface.vision.TestModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk import with the real models, a real SQLite home and real photos: the samples (a frontal portrait that
 * passes), NUAA webcam frames (some have 85 px between the eyes, most do not), LFW web photos (250x250: the
 * eyes are far closer than 85 px) and broken input.
 */
class BulkImportTest {

    @TempDir static Path dir;
    static Database db;
    static FaceEngine engine;

    @BeforeAll
    static void open() throws Exception {
        db = Database.open(AppHome.at(dir.resolve("home")));
        engine = FaceEngine.load(ModelResolver.fromEnvironment(), db, null);
    }

    @AfterAll
    static void close() { engine.close(); }

    static Path id(String person, String file) { return TestModels.data().resolve("identities").resolve(person).resolve(file); }

    @Test
    void aCsvImportsTheGoodRowsAndSaysWhyTheOthersWereRefused() throws Exception {
        Path csvDir = Files.createDirectories(dir.resolve("hr"));
        Files.copy(TestModels.sample("obama.jpg"), csvDir.resolve("obama.jpg"));
        Files.writeString(csvDir.resolve("notes.jpg"), "not a photo");
        String csv = "\uFEFFEmployee No;Full Name;Photo;Site;PIN;Consent\r\n"
                + "EMP001;Barack Obama;obama.jpg;office;4826;yes\r\n"
                + "EMP002;Jonas Becker;" + id("nuaa-0008", "00001.jpg") + ";warehouse;;yes\r\n"
                + "EMP003;Someone Else;" + id("nuaa-0008", "00002.jpg") + ";warehouse;;yes\r\n"
                + "EMP002;Jonas Becker;" + id("nuaa-0008", "00005.jpg") + ";warehouse;;yes\r\n"
                + "EMP004;Tom Hanks;" + id("lfw-Tom_Hanks", "00001.jpg") + ";office;;yes\r\n"
                + "EMP005;Tom Hanks;" + id("lfw-Tom_Hanks", "00007.jpg") + ";office;;yes\r\n"
                + "EMP006;Missing Photo;missing.jpg;office;;yes\r\n"
                + "EMP007;Not A Photo;notes.jpg;office;;yes\r\n"
                + "EMP008;;" + TestModels.sample("obama2.jpg") + ";office;;yes\r\n"
                + "EMP009;Short Pin;" + id("nuaa-0007", "00003.jpg") + ";office;12;yes\r\n"
                + "EMP010;No Consent;" + id("nuaa-0005", "00003.jpg") + ";office;;no\r\n"
                + ";No Number;obama.jpg;office;;yes\r\n";
        Path file = csvDir.resolve("people.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        List<BulkImport.Row> rows = BulkImport.readCsv(file);
        assertEquals(12, rows.size());
        assertEquals("EMP001", rows.get(0).employeeNo());
        assertEquals(csvDir.resolve("obama.jpg").toAbsolutePath(), rows.get(0).photo(), "photo paths are relative to the CSV");
        assertEquals("office", rows.get(0).collection());

        List<int[]> progress = new ArrayList<>();
        BulkImport.Report r = new BulkImport(db, engine, 1000).run("people.csv", rows, true, false, "maria",
                (done, total, row) -> progress.add(new int[] {done, total}));
        assertEquals(12, progress.size());
        assertEquals(12, progress.get(11)[0]);
        assertEquals(12, progress.get(11)[1]);

        Map<Integer, BulkImport.RowResult> byLine = r.rows().stream().collect(Collectors.toMap(BulkImport.RowResult::line, x -> x));
        assertStatus(byLine.get(2), BulkImport.Status.IMPORTED, null);
        assertStatus(byLine.get(3), BulkImport.Status.IMPORTED, null);
        // another photo of the same NUAA subject under another employee number: a duplicate, not imported
        assertStatus(byLine.get(4), BulkImport.Status.DUPLICATE, "DUPLICATE");
        assertTrue(byLine.get(4).message().contains("EMP002 Jonas Becker"), byLine.get(4).message());
        assertStatus(byLine.get(5), BulkImport.Status.IMPORTED, null);
        assertTrue(byLine.get(5).message().startsWith("Added a photo to EMP002"), byLine.get(5).message());
        assertStatus(byLine.get(6), BulkImport.Status.REFUSED, "EYES_TOO_CLOSE"); // LFW: 250x250 web photo
        assertTrue(byLine.get(6).message().contains("85"), byLine.get(6).message());
        assertStatus(byLine.get(7), BulkImport.Status.REFUSED, "FACE_CUT_OFF"); // Glint: 112x112 aligned crop
        assertStatus(byLine.get(8), BulkImport.Status.REFUSED, "PHOTO_NOT_FOUND");
        assertStatus(byLine.get(9), BulkImport.Status.REFUSED, "UNSUPPORTED_FORMAT");
        assertStatus(byLine.get(10), BulkImport.Status.REFUSED, "MISSING_NAME");
        assertStatus(byLine.get(11), BulkImport.Status.REFUSED, "BAD_PIN");
        assertStatus(byLine.get(12), BulkImport.Status.REFUSED, "NO_CONSENT");
        assertStatus(byLine.get(13), BulkImport.Status.REFUSED, "MISSING_EMPLOYEE_NO");
        assertEquals(3, r.imported());
        assertEquals(1, r.duplicates());
        assertEquals(8, r.refused());

        PersonRepository persons = new PersonRepository(db);
        Person obama = persons.findByEmployeeNo("EMP001").orElseThrow();
        assertEquals("office", obama.collection());
        assertEquals("maria", obama.consentBy());
        assertTrue(SecretHash.verify("4826".toCharArray(), obama.pinHash()));
        List<Template> jonas = new TemplateRepository(db).listForPerson(persons.findByEmployeeNo("EMP002").orElseThrow().id());
        assertEquals(2, jonas.size());
        assertTrue(jonas.stream().allMatch(t -> t.source() == TemplateSource.IMPORT));
        for (String refused : List.of("EMP003", "EMP004", "EMP005", "EMP006", "EMP007", "EMP008", "EMP009", "EMP010")) {
            assertTrue(persons.findByEmployeeNo(refused).isEmpty(), refused + " was not created");
        }
        // the imported face is in the running gallery: a second photo of him is recognised
        FaceEngine.Identification who = engine.identify(ImageDecoder.read(TestModels.sample("obama2.jpg")), SearchMode.FAST,
                LivenessProfile.WORK_HOURS, FaceEngine.DEFAULT_MATCH_THRESHOLD);
        assertEquals(obama.id(), who.match().personId());
        AuditLog.Entry audit = new AuditLog(db).list(50).stream().filter(e -> e.action().equals("person.import")).findFirst().orElseThrow();
        assertTrue(audit.detail().contains("\"imported\":3"), audit.detail());

        // The report opens in a spreadsheet: BOM, header, one row per input row.
        Path report = dir.resolve("report.csv");
        BulkImport.writeReportCsv(r, report);
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("\uFEFFline,employee_no,name,photo,status,reason,message"), lines.get(0));
        assertEquals(13, lines.size());

        // Running the same file again imports nothing twice.
        BulkImport.Report again = new BulkImport(db, engine, 1000).run("people.csv", BulkImport.readCsv(file), true, false, "maria", null);
        assertEquals(0, again.imported());
        assertEquals(BulkImport.Status.SKIPPED, again.rows().get(0).status());
        assertEquals("ALREADY_ENROLLED", again.rows().get(0).reason());
        assertEquals(2, new TemplateRepository(db).listForPerson(persons.findByEmployeeNo("EMP002").orElseThrow().id()).size());

        // Allowing duplicates imports the lookalike, with the warning kept on the row.
        List<BulkImport.Row> dup = List.of(rows.get(2));
        BulkImport.Report allowed = new BulkImport(db, engine, 1000).run("people.csv", dup, true, true, "maria", null);
        assertStatus(allowed.rows().get(0), BulkImport.Status.IMPORTED, "DUPLICATE");
        assertTrue(allowed.rows().get(0).message().contains("Warning"), allowed.rows().get(0).message());
    }

    @Test
    void aFolderOfPhotosNamedByEmployeeNumberAndName() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.copy(id("nuaa-0004", "00002.jpg"), photos.resolve("EMP101 - Piotr Nowak.jpg"));
        Files.copy(id("nuaa-0011", "00001.jpg"), photos.resolve("EMP102.jpg"));
        Files.writeString(photos.resolve("README.txt"), "not a photo: ignored");
        Path sub = Files.createDirectories(photos.resolve("EMP103_Fatma_Yilmaz"));
        Files.copy(id("nuaa-0007", "00003.jpg"), sub.resolve("a.jpg"));
        Files.copy(id("nuaa-0007", "00004.jpg"), sub.resolve("b.jpg"));

        List<BulkImport.Row> rows = BulkImport.readFolder(photos);
        assertEquals(4, rows.size(), rows.toString());
        BulkImport.Report r = new BulkImport(db, engine, 1000).run("photos", rows, true, false, "maria", null);
        Map<String, List<BulkImport.RowResult>> byNo = r.rows().stream().collect(Collectors.groupingBy(BulkImport.RowResult::employeeNo));
        assertStatus(byNo.get("EMP101").get(0), BulkImport.Status.IMPORTED, null);
        assertEquals("Piotr Nowak", new PersonRepository(db).findByEmployeeNo("EMP101").orElseThrow().name());
        assertStatus(byNo.get("EMP102").get(0), BulkImport.Status.REFUSED, "MISSING_NAME");
        List<BulkImport.RowResult> fatma = byNo.get("EMP103");
        assertEquals(2, fatma.size());
        assertStatus(fatma.get(0), BulkImport.Status.IMPORTED, null);
        assertStatus(fatma.get(1), BulkImport.Status.REFUSED, "EYES_TOO_CLOSE");
        assertEquals("Fatma Yilmaz", new PersonRepository(db).findByEmployeeNo("EMP103").orElseThrow().name());
    }

    @Test
    void badInputIsAClearErrorAndNothingIsImportedWithoutConsent() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "name,picture_of\r\nAna,x.jpg\r\n");
        IOException e = assertThrows(IOException.class, () -> BulkImport.readCsv(bad));
        assertTrue(e.getMessage().contains("employee_no and photo") && e.getMessage().contains("picture_of"), e.getMessage());
        assertThrows(IOException.class, () -> BulkImport.readCsv(dir.resolve("nope.csv")));
        assertThrows(IOException.class, () -> BulkImport.readFolder(dir.resolve("nope")));

        Path ok = Files.writeString(dir.resolve("ok.csv"), "employee_no,name,photo\r\nEMP201,Ana,\"" + TestModels.sample("obama.jpg") + "\"\r\n");
        IllegalArgumentException noConsent = assertThrows(IllegalArgumentException.class,
                () -> new BulkImport(db, engine, 1000).run("ok.csv", BulkImport.readCsv(ok), false, false, "maria", null));
        assertTrue(noConsent.getMessage().contains("consent"), noConsent.getMessage());
        assertTrue(new PersonRepository(db).findByEmployeeNo("EMP201").isEmpty());
        assertNull(BulkImport.readCsv(ok).get(0).consent(), "no consent column: the admin's confirmation applies");
    }

    @Test
    void fileNamesSayWhoIsOnThePhoto() {
        assertEquals(List.of("EMP001", "Ana Lima"), List.of(BulkImport.splitName("EMP001 - Ana Lima")));
        assertEquals(List.of("EMP001", "Ana Lima"), List.of(BulkImport.splitName("EMP001_Ana_Lima")));
        String[] only = BulkImport.splitName("EMP001");
        assertEquals("EMP001", only[0]);
        assertNull(only[1]);
        assertFalse(BulkImport.splitName("EMP-7 - X")[0].contains(" "));
    }

    private static void assertStatus(BulkImport.RowResult r, BulkImport.Status status, String reason) {
        assertEquals(status, r.status(), () -> "line " + r.line() + ": " + r.message());
        assertEquals(reason, r.reason(), () -> "line " + r.line() + ": " + r.message());
    }
}
