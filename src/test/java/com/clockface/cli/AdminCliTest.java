package com.clockface.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.clockface.store.AppHome;
import com.clockface.store.AuditLog;
import com.clockface.store.CheckEvent;
import com.clockface.store.CheckEventRepository;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.PunchRepository;
import com.clockface.store.ReviewState;
import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchKind;
import com.clockface.timeclock.PunchSource;
import com.clockface.timeclock.PunchStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The admin command-line twins against a real SQLite home. */
class AdminCliTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir Path dir;
    Database db;
    Person ana;

    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + " / " + err, e);
            }
        }
    }

    Run run(String... args) {
        return runWithStdin(null, args);
    }

    Run runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        if (stdin != null) {
            AdminCommand.Create create = cl.getSubcommands().get("admin").getSubcommands().get("create").getCommand();
            create.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
            AdminCommand.Passwd passwd = cl.getSubcommands().get("admin").getSubcommands().get("passwd").getCommand();
            passwd.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--home";
        full[args.length + 1] = dir.toString();
        int exit = cl.execute(full);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void setUp() {
        db = Database.open(AppHome.at(dir));
        ana = new PersonRepository(db).create(Person.newPerson("EMP001", "Ana Lima", "front"), "test");
        assertEquals(0, run("settings", "set", "timeclock.zone", "Europe/Berlin").exit());
    }

    static JsonNode onlyShifts(Run r) {
        JsonNode people = r.json().get("people");
        assertEquals(1, people.size(), r.out());
        return people.get(0).get("shifts");
    }

    @Test
    void punchAddMoveDeleteAreAuditedAndShowInTheTimesheet() {
        Run in = run("punch", "add", "--id", "EMP001", "--kind", "IN", "--at", "2026-03-02T08:00", "--reason", "forgot to clock in", "--json");
        assertEquals(0, in.exit(), in.err());
        assertEquals("2026-03-02T08:00+01:00", in.json().get("at").asText());
        assertEquals("MANUAL", in.json().get("source").asText());
        Run out = run("punch", "add", "--id", "EMP001", "--kind", "out", "--at", "2026-03-02T16:30", "--reason", "kiosk was off",
                "--actor", "maria", "--json");
        assertEquals(0, out.exit(), out.err());

        // JSON on stdout without asking: one flat row per shift (who, workday, in, out, hours) and the totals
        Run ts = run("timesheet", "--from", "2026-03-01", "--to", "2026-03-07", "--person", "EMP001");
        assertEquals(0, ts.exit(), ts.err());
        JsonNode row = ts.json().get("shifts").get(0);
        assertEquals(1, ts.json().get("shifts").size(), ts.out());
        assertEquals("EMP001", row.get("employeeNo").asText());
        assertEquals("Ana Lima", row.get("name").asText());
        assertEquals("2026-03-02", row.get("workday").asText());
        assertEquals("2026-03-02T08:00:00+01:00", row.get("in").asText());
        assertEquals("2026-03-02T16:30:00+01:00", row.get("out").asText());
        assertEquals(8.5, row.get("hours").asDouble());
        JsonNode shift = onlyShifts(ts).get(0);
        assertEquals("2026-03-02", shift.get("workday").asText());
        assertEquals("2026-03-02T08:00:00+01:00", shift.get("in").asText());
        assertEquals(8.5, shift.get("hours").asDouble());
        assertEquals(8.5, ts.json().get("totals").get("hours").asDouble());
        assertEquals(0.5, ts.json().get("totals").get("overtimeHours").asDouble()); // 8 h daily limit by default

        long outId = out.json().get("id").asLong();
        Run moved = run("punch", "move", "--punch", Long.toString(outId), "--to", "2026-03-02T17:00", "--reason", "left later", "--json");
        assertEquals(0, moved.exit(), moved.err());
        ts = run("timesheet", "--from", "2026-03-01", "--to", "2026-03-07", "--json");
        assertEquals(9.0, onlyShifts(ts).get(0).get("hours").asDouble());
        assertEquals(moved.json().get("id").asLong(), onlyShifts(ts).get(0).get("outPunchId").asLong());

        long inId = in.json().get("id").asLong();
        Run del = run("punch", "delete", "--punch", Long.toString(inId), "--reason", "duplicate");
        assertEquals(0, del.exit(), del.err());
        assertTrue(del.out().contains("Deleted punch " + inId), del.out());
        ts = run("timesheet", "--from", "2026-03-01", "--to", "2026-03-07", "--json");
        JsonNode lone = onlyShifts(ts).get(0);
        assertEquals("MISSING_IN", lone.get("flags").get(0).asText());
        assertEquals(0.0, lone.get("hours").asDouble());

        AuditLog audit = new AuditLog(db);
        List<AuditLog.Entry> all = audit.list(50);
        assertTrue(all.stream().anyMatch(e -> e.action().equals("punch.correct") && e.actor().equals("maria")
                && e.detail().contains("kiosk was off")), all.toString());
        assertTrue(all.stream().anyMatch(e -> e.action().equals("punch.correct") && e.detail().contains("\"MOVE\"") && e.detail().contains("left later")));
        assertTrue(all.stream().anyMatch(e -> e.action().equals("punch.correct") && e.target().equals("punch:" + inId)
                && e.detail().contains("\"DELETE\"") && e.detail().contains("duplicate") && e.actor().startsWith("cli:")));
        assertTrue(new PunchRepository(db).verifyChain().intact());
    }

    @Test
    void lockedPeriodRefusesCorrectionsAndUnlockAllowsThem() {
        Run lock = run("period", "lock", "--from", "2026-03-01", "--to", "2026-03-07", "--person", "EMP001");
        assertEquals(0, lock.exit(), lock.err());
        Run refused = run("punch", "add", "--id", "EMP001", "--kind", "IN", "--at", "2026-03-02T08:00", "--reason", "late entry", "--json");
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("approved period"), refused.err());
        assertFalse(refused.json().get("ok").asBoolean());
        assertTrue(new PunchRepository(db).listRange(Instant.EPOCH, Instant.now()).isEmpty(), "nothing was added");
        // Outside the lock it works.
        assertEquals(0, run("punch", "add", "--id", "EMP001", "--kind", "IN", "--at", "2026-03-09T08:00", "--reason", "x").exit());
        assertEquals(0, run("period", "unlock", "--from", "2026-03-01", "--to", "2026-03-07", "--person", "EMP001").exit());
        assertEquals(0, run("punch", "add", "--id", "EMP001", "--kind", "IN", "--at", "2026-03-02T08:00", "--reason", "late entry").exit());
        List<String> actions = new AuditLog(db).list(20).stream().map(AuditLog.Entry::action).toList();
        assertTrue(actions.contains("period.lock") && actions.contains("period.unlock"), actions.toString());
    }

    @Test
    void badInputGetsAClearErrorAndNonZeroExit() {
        Run noReason = run("punch", "add", "--id", "EMP001", "--kind", "IN", "--at", "2026-03-02T08:00", "--reason", " ");
        assertEquals(1, noReason.exit());
        assertTrue(noReason.err().contains("reason"), noReason.err());
        Run unknown = run("punch", "add", "--id", "NOPE", "--kind", "IN", "--at", "2026-03-02T08:00", "--reason", "x");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no person with employee number NOPE"), unknown.err());
        Run gap = run("punch", "add", "--id", "EMP001", "--kind", "IN", "--at", "2026-03-29T02:30", "--reason", "x");
        assertEquals(1, gap.exit());
        assertTrue(gap.err().contains("does not exist"), gap.err()); // spring-forward gap in Berlin
        Run future = run("punch", "add", "--id", "EMP001", "--kind", "IN", "--at", "2099-01-01T08:00", "--reason", "x");
        assertEquals(1, future.exit());
        Run noPunch = run("punch", "delete", "--punch", "424242", "--reason", "x");
        assertEquals(1, noPunch.exit());
        assertTrue(noPunch.err().contains("424242"), noPunch.err());
    }

    @Test
    void reviewApproveMakesThePendingPunchCountAndRejectDoesNot() {
        CheckEventRepository events = new CheckEventRepository(db);
        PunchRepository punches = new PunchRepository(db);
        Instant in = Instant.parse("2026-03-03T07:00:00Z");
        CheckEvent e1 = events.insert(CheckEvent.of(in, "front", ana.id(), "PIN", "REVIEW", 0.6, 0.7,
                "{\"flash\":0.4}", ReviewState.PENDING), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2});
        punches.insert(new Punch(0, ana.id(), PunchKind.IN, in, BERLIN, "front", PunchSource.PIN, PunchStatus.PENDING, e1.id(), null));
        Instant out = Instant.parse("2026-03-03T15:00:00Z");
        CheckEvent e2 = events.insert(CheckEvent.of(out, "front", ana.id(), "PUNCH_REVIEW", "REVIEW", 0.55, 0.8, null,
                ReviewState.PENDING), null);
        punches.insert(new Punch(0, ana.id(), PunchKind.OUT, out, BERLIN, "front", PunchSource.FACE, PunchStatus.PENDING, e2.id(), null));

        Run list = run("review", "list", "--json");
        assertEquals(0, list.exit(), list.err());
        assertEquals(2, list.json().size());
        assertEquals("EMP001", list.json().get(1).get("employeeNo").asText());
        assertEquals(0.4, list.json().get(1).get("signals").get("flash").asDouble());
        assertTrue(list.json().get(1).get("hasEvidence").asBoolean());

        Run ts = run("timesheet", "--from", "2026-03-01", "--to", "2026-03-07", "--json");
        assertEquals(0, ts.json().get("totals").get("shifts").asInt(), "pending punches do not count");

        assertEquals(0, run("review", "approve", Long.toString(e1.id()), "--note", "checked photo").exit());
        assertEquals(0, run("review", "approve", Long.toString(e2.id())).exit());
        ts = run("timesheet", "--from", "2026-03-01", "--to", "2026-03-07", "--json");
        assertEquals(8.0, ts.json().get("totals").get("hours").asDouble(), ts.out());
        assertEquals(ReviewState.APPROVED, events.find(e1.id()).orElseThrow().reviewState());
        assertTrue(run("review", "list", "--json").json().isEmpty());

        Run again = run("review", "reject", Long.toString(e1.id()));
        assertEquals(1, again.exit(), "an event already reviewed is not reviewed twice");

        CheckEvent e3 = events.insert(CheckEvent.of(out.plusSeconds(3600), "front", null, "ATTACK", "FAIL", 0.1, null, null,
                ReviewState.PENDING), null);
        Run rej = run("review", "reject", Long.toString(e3.id()), "--json");
        assertEquals(0, rej.exit(), rej.err());
        assertEquals("REJECTED", rej.json().get("reviewState").asText());
        List<String> actions = new AuditLog(db).list(20).stream().map(AuditLog.Entry::action).toList();
        assertTrue(actions.contains("check_event.review") && actions.contains("punch.status"), actions.toString());
    }

    @Test
    void settingsAreValidatedAndAudited() {
        Run ok = run("settings", "set", "flash.mode", "gentle");
        assertEquals(0, ok.exit(), ok.err());
        assertEquals("flash.mode = GENTLE", ok.out().strip());
        assertEquals("GENTLE", run("settings", "get", "flash.mode").out().strip());

        Run bad = run("settings", "set", "match.threshold", "1.5");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("from 0 to 1"), bad.err());
        assertEquals("0.5", run("settings", "get", "match.threshold").out().strip(), "a refused value stores nothing");

        Run rounding = run("settings", "set", "timeclock.rounding_minutes", "7");
        assertEquals(1, rounding.exit());
        assertTrue(rounding.err().contains("0, 5, 6 or 15"), rounding.err());
        assertEquals(0, run("settings", "set", "timeclock.rounding_minutes", "15").exit());

        assertEquals(1, run("settings", "set", "no.such.key", "1").exit());
        assertEquals(0, run("settings", "set", "liveness.custom_pass", "0.8").exit());
        Run order = run("settings", "set", "liveness.custom_review", "0.9");
        assertEquals(1, order.exit());
        assertTrue(order.err().contains("must not be above"), order.err());
        assertEquals(1, run("settings", "set", "retention.evidence_days", "0").exit());
        assertEquals(1, run("settings", "set", "kiosk.name", "").exit());
        assertEquals(1, run("settings", "set", "timeclock.zone", "Mars/Olympus").exit());

        Run list = run("settings", "list", "--json");
        assertEquals(0, list.exit());
        boolean seen = false;
        for (JsonNode k : list.json()) {
            if (k.get("key").asText().equals("flash.mode")) {
                seen = true;
                assertEquals("GENTLE", k.get("value").asText());
                assertFalse(k.get("isDefault").asBoolean());
            }
        }
        assertTrue(seen);
        assertTrue(run("settings", "list").out().contains("retention.capsule_days"));
        assertTrue(new AuditLog(db).list(20).stream().anyMatch(e -> e.action().equals("settings.set")
                && e.target().equals("setting:flash.mode") && e.detail().contains("GENTLE")));
    }

    @Test
    void purgeRemovesOldEvidenceAndCapsuleFiles() throws Exception {
        CheckEventRepository events = new CheckEventRepository(db);
        Instant old = Instant.now().minusSeconds(40L * 86400);
        CheckEvent e = events.insert(CheckEvent.of(old, "front", ana.id(), "PUNCH", "SUCCESS", 0.9, 0.8, null, ReviewState.NONE),
                new byte[] {1, 2, 3});
        Path capsule = dir.resolve("capsules/c1");
        Files.createDirectories(capsule);
        Files.writeString(capsule.resolve("frame.jpg"), "x");
        events.setCapsulePath(e.id(), "capsules/c1");
        CheckEvent pending = events.insert(CheckEvent.of(old, "front", ana.id(), "PIN", "REVIEW", 0.6, null, null,
                ReviewState.PENDING), new byte[] {4});
        CheckEvent fresh = events.insert(CheckEvent.of(Instant.now(), "front", ana.id(), "PUNCH", "SUCCESS", 0.9, 0.8, null,
                ReviewState.NONE), new byte[] {5});

        Run r = run("purge", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.json().get("evidenceDeleted").asInt());
        assertEquals(1, r.json().get("capsuleFilesDeleted").asInt());
        assertFalse(Files.exists(capsule));
        assertTrue(events.loadEvidence(e.id()).isEmpty());
        assertTrue(events.loadEvidence(pending.id()).isPresent(), "kept while waiting for review");
        assertTrue(events.loadEvidence(fresh.id()).isPresent());
    }

    @Test
    void adminCreateFromStdinThenList() {
        Run created = runWithStdin("135790\n", "admin", "create", "--name", "Maria", "--secret-stdin");
        assertEquals(0, created.exit(), created.err());
        Run weak = runWithStdin("1234\n", "admin", "create", "--name", "Bob", "--secret-stdin");
        assertEquals(1, weak.exit());
        assertTrue(weak.err().contains("at least 6 digits"), weak.err());
        Run list = run("admin", "list", "--json");
        assertEquals("Maria", list.json().get(0).asText());
        assertEquals(1, list.json().size());
        Run passwd = runWithStdin("86420975\n", "admin", "passwd", "--name", "Maria", "--secret-stdin");
        assertEquals(0, passwd.exit(), passwd.err());
        assertTrue(new com.clockface.admin.AdminAccounts(db, 1000).login("Maria", "86420975") != null);
        assertEquals(1, runWithStdin("1234\n", "admin", "passwd", "--name", "Maria", "--secret-stdin").exit(), "the PIN rules apply");
    }

    @Test
    void timesheetCsvExport() throws Exception {
        run("punch", "add", "--id", "EMP001", "--kind", "IN", "--at", "2026-03-02T08:00", "--reason", "r");
        run("punch", "add", "--id", "EMP001", "--kind", "OUT", "--at", "2026-03-02T12:00", "--reason", "r");
        Path csv = dir.resolve("hours.csv");
        Run r = run("timesheet", "--from", "2026-03-01", "--to", "2026-03-07", "--csv", csv.toString(), "--text");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("EMP001  Ana Lima   4.00 h"), r.out());
        assertTrue(r.out().contains("2026-03-02  08:00 - 12:00    4.00 h"), r.out());
        assertTrue(new AuditLog(db).list(20).stream().anyMatch(e -> e.action().equals("timesheet.export")
                && e.detail().contains("hours.csv")), "an export of payroll data is audited");
        assertEquals(0, run("settings", "set", "export.csv_style", "semicolon").exit());
        Path de = dir.resolve("stunden.csv");
        assertEquals(0, run("timesheet", "--from", "2026-03-01", "--to", "2026-03-07", "--csv", de.toString()).exit());
        assertTrue(Files.readString(de).contains("EMP001;Ana Lima;2026-03-02;2026-03-02 08:00;2026-03-02 12:00;2026-03-02 08:00;2026-03-02 12:00;4,00;"),
                Files.readString(de));
        Run both = run("timesheet", "--from", "2026-03-01", "--to", "2026-03-07", "--text", "--json");
        assertEquals(1, both.exit());
        assertTrue(both.err().contains("contradict"), both.err());
        String text = Files.readString(csv);
        assertTrue(text.contains("EMP001,Ana Lima,2026-03-02,2026-03-02 08:00,2026-03-02 12:00"), text);
        assertTrue(Files.exists(dir.resolve("hours-summary.csv")));
    }

    @Test
    void personImportFromCsvReportsEveryRow() throws Exception {
        Path photos = com.clockface.vision.TestModels.data().resolve("identities");
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, "employee_no,name,photo\r\n"
                + "EMP050,Barack Obama," + com.clockface.vision.TestModels.sample("obama.jpg") + "\r\n"
                + "EMP051,Tom Hanks," + photos.resolve("lfw-Tom_Hanks/00001.jpg") + "\r\n");
        Run noConsent = run("person", "import", "--csv", csv.toString());
        assertEquals(1, noConsent.exit());
        assertTrue(noConsent.err().contains("--consent-collected"), noConsent.err());
        assertTrue(new PersonRepository(db).findByEmployeeNo("EMP050").isEmpty());

        Path report = dir.resolve("import-report.csv");
        Run r = run("person", "import", "--csv", csv.toString(), "--consent-collected", "--json", "--actor", "maria",
                "--report", report.toString());
        assertEquals(1, r.exit(), "one row was refused: " + r.err());
        assertEquals(1, r.json().get("imported").asInt(), r.out());
        assertEquals(1, r.json().get("refused").asInt());
        assertEquals("IMPORTED", r.json().get("rows").get(0).get("status").asText());
        assertEquals("EYES_TOO_CLOSE", r.json().get("rows").get(1).get("reason").asText());
        assertEquals("maria", new PersonRepository(db).findByEmployeeNo("EMP050").orElseThrow().consentBy());
        assertTrue(Files.readString(report).contains("EMP051,Tom Hanks,00001.jpg,REFUSED,EYES_TOO_CLOSE"));

        Run text = run("person", "import", "--csv", csv.toString(), "--consent-collected");
        assertTrue(text.out().contains("SKIPPED") && text.out().contains("0 imported"), text.out());
    }
}
