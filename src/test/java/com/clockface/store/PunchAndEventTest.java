package com.clockface.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchKind;
import com.clockface.timeclock.PunchSource;
import com.clockface.timeclock.PunchStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PunchAndEventTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Lisbon");
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir Path dir;
    AppHome home;
    Database db;
    PunchRepository punches;
    Person ana;

    @BeforeEach
    void open() {
        home = AppHome.at(dir);
        db = Database.open(home, Database.Options.defaults().withClock(Clock.fixed(T0.plusSeconds(86400), ZoneOffset.UTC)));
        punches = new PunchRepository(db);
        ana = new PersonRepository(db).create(Person.newPerson("EMP001", "Ana Lima", null), "admin");
    }

    static Punch punch(long personId, PunchKind kind, Instant at, Long eventId) {
        return new Punch(0, personId, kind, at, ZONE, "front-door", PunchSource.FACE, PunchStatus.CONFIRMED, eventId, null);
    }

    @Test
    void insertListAndLastPunch() {
        Punch in = punches.insert(punch(ana.id(), PunchKind.IN, T0, null));
        Punch out = punches.insert(punch(ana.id(), PunchKind.OUT, T0.plus(Duration.ofHours(8)), null));
        assertEquals(1, in.id());
        assertEquals(2, out.id());
        assertEquals(in, punches.find(in.id()).orElseThrow());
        assertEquals(List.of(in, out), punches.listByPerson(ana.id(), T0, T0.plus(Duration.ofDays(1))));
        assertEquals(List.of(in), punches.listByPerson(ana.id(), T0, T0.plus(Duration.ofHours(8)))); // end exclusive
        assertEquals(out, punches.lastPunch(ana.id()).orElseThrow());
        punches.setStatus(out.id(), PunchStatus.REJECTED, "boss", "was a colleague");
        assertEquals(in, punches.lastPunch(ana.id()).orElseThrow(), "rejected punches do not count as last");
        assertTrue(punches.lastPunch(999).isEmpty());
        assertThrows(StoreException.class, () -> punches.insert(punch(999, PunchKind.IN, T0, null)));
    }

    @Test
    void statusChangeAndMoveAreAudited() {
        Punch in = punches.insert(new Punch(0, ana.id(), PunchKind.IN, T0, ZONE, "front-door", PunchSource.PIN,
                PunchStatus.PENDING, null, null));
        Punch approved = punches.setStatus(in.id(), PunchStatus.CONFIRMED, "boss", "checked the camera");
        assertEquals(PunchStatus.CONFIRMED, approved.status());
        Instant later = T0.plus(Duration.ofMinutes(30));
        Punch moved = punches.move(in.id(), later, "boss", "forgot to clock in");
        assertEquals(later, moved.at());
        assertEquals(PunchSource.MANUAL, moved.source());
        assertEquals(PunchStatus.DELETED, punches.find(in.id()).orElseThrow().status());
        List<AuditLog.Entry> audit = new AuditLog(db).listForTarget("punch:" + in.id(), 10);
        assertEquals("punch.move", audit.get(0).action());
        assertTrue(audit.get(0).detail().contains("\"old_at\":\"" + T0 + "\""), audit.get(0).detail());
        assertTrue(audit.get(0).detail().contains("\"new_at\":\"" + later + "\""));
        assertEquals("punch.status", audit.get(1).action());
        assertTrue(audit.get(1).detail().contains("\"old_status\":\"PENDING\""));
        assertTrue(audit.get(1).detail().contains("\"new_status\":\"CONFIRMED\""));
        assertTrue(punches.verifyChain().intact());
        Punch manual = punches.insert(punch(ana.id(), PunchKind.OUT, T0.plus(Duration.ofHours(9)), null), "boss", "left early");
        assertEquals("punch.add", new AuditLog(db).listForTarget("punch:" + manual.id(), 1).get(0).action());
    }

    @Test
    void hashChainVerifiesAndDetectsATamperedRow() {
        for (int i = 0; i < 5; i++) {
            punches.insert(punch(ana.id(), i % 2 == 0 ? PunchKind.IN : PunchKind.OUT, T0.plus(Duration.ofHours(i)), null));
        }
        PunchRepository.ChainVerification ok = punches.verifyChain();
        assertTrue(ok.intact());
        assertEquals(5, ok.rowsChecked());
        assertEquals(64, ok.headHash().length());
        // The application refuses to edit a recorded field...
        assertThrows(StoreException.class, () -> db.write("t", c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("UPDATE punch SET at = at - 3600000 WHERE id = 3");
            }
        }));
        // ...so a tamperer with a database tool drops the guard first.
        db.write("tamper", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TRIGGER punch_immutable");
                return st.executeUpdate("UPDATE punch SET at = at - 3600000 WHERE id = 3");
            }
        });
        PunchRepository.ChainVerification bad = punches.verifyChain();
        assertFalse(bad.intact());
        assertEquals(3L, bad.firstBadId());
        assertTrue(bad.problem().contains("changed after it was recorded"));
    }

    @Test
    void hashChainDetectsARemovedRow() {
        for (int i = 0; i < 4; i++) punches.insert(punch(ana.id(), PunchKind.IN, T0.plus(Duration.ofHours(i)), null));
        db.write("tamper", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TRIGGER punch_no_delete");
                return st.executeUpdate("DELETE FROM punch WHERE id = 2");
            }
        });
        PunchRepository.ChainVerification bad = punches.verifyChain();
        assertFalse(bad.intact());
        assertEquals(3L, bad.firstBadId());
    }

    static byte[] sampleJpeg() throws Exception {
        Path models = Path.of(System.getenv().getOrDefault("CLOCKFACE_MODEL_MIRROR", "../shared/models"));
        return Files.readAllBytes(models.resolve("samples/obama.jpg"));
    }

    @Test
    void checkEventEvidenceIsEncryptedAndReviewable() throws Exception {
        byte[] jpeg = sampleJpeg();
        CheckEventRepository events = new CheckEventRepository(db);
        CheckEvent e = events.insert(CheckEvent.of(T0, "front-door", ana.id(), "REVIEW", "REVIEW", 0.62, 0.71,
                "{\"flash_response\":0.4}", ReviewState.PENDING), jpeg);
        CheckEvent none = events.insert(CheckEvent.of(T0.plusSeconds(5), "front-door", null, "REFUSE", "FAIL", 0.1, null,
                null, ReviewState.NONE), null);
        assertTrue(e.hasEvidence());
        assertFalse(none.hasEvidence());
        assertArrayEquals(jpeg, events.loadEvidence(e.id()).orElseThrow());
        assertTrue(events.loadEvidence(none.id()).isEmpty());
        assertEquals(List.of(e), events.listByReviewState(ReviewState.PENDING, 10));
        assertEquals(0.62, e.livenessScore());
        assertEquals("{\"flash_response\":0.4}", e.signalsJson());

        CheckEvent reviewed = events.setReviewState(e.id(), ReviewState.APPROVED, "boss", "it is Ana");
        assertEquals(ReviewState.APPROVED, reviewed.reviewState());
        assertEquals("boss", reviewed.reviewedBy());
        assertTrue(events.listByReviewState(ReviewState.PENDING, 10).isEmpty());
        assertEquals("check_event.review", new AuditLog(db).listForTarget("check_event:" + e.id(), 1).get(0).action());

        assertThrows(IllegalArgumentException.class, () -> events.insert(CheckEvent.of(T0, "k", null, "d", "o", null, null,
                "not json", ReviewState.NONE), null));

        db.read(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
        byte[] needle = Arrays.copyOfRange(jpeg, 200, 232);
        assertFalse(PersonTemplateTest.contains(Files.readAllBytes(home.database()), needle), "plain JPEG in the db file");
    }

    @Test
    void eraseRemovesTemplatesAndEvidenceButKeepsPunches() throws Exception {
        CheckEventRepository events = new CheckEventRepository(db);
        TemplateRepository templates = new TemplateRepository(db);
        PersonRepository persons = new PersonRepository(db);
        Person bo = persons.create(Person.newPerson("EMP002", "Bo", null), "admin");
        float[] v = new float[16];
        Arrays.fill(v, 0.25f);
        templates.add(ana.id(), "m", v, null, TemplateSource.LIVE);
        templates.add(bo.id(), "m", v, null, TemplateSource.LIVE);
        CheckEvent e = events.insert(CheckEvent.of(T0, "front-door", ana.id(), "PUNCH", "SUCCESS", 0.9, 0.8, null,
                ReviewState.NONE).withCapsulePath("capsules/2026-03-02/ev1"), sampleJpeg());
        CheckEvent other = events.insert(CheckEvent.of(T0, "front-door", bo.id(), "PUNCH", "SUCCESS", 0.9, 0.8, null,
                ReviewState.NONE).withCapsulePath("capsules/2026-03-02/ev2"), sampleJpeg());
        punches.insert(punch(ana.id(), PunchKind.IN, T0, e.id()));
        punches.insert(punch(ana.id(), PunchKind.OUT, T0.plus(Duration.ofHours(8)), null));

        ErasureResult r = persons.erase(ana.id(), "admin");
        assertEquals(1, r.templatesDeleted());
        assertEquals(1, r.evidenceDeleted());
        assertEquals(List.of("capsules/2026-03-02/ev1"), r.capsulePaths());
        assertTrue(events.loadEvidence(e.id()).isEmpty());
        assertNull(events.find(e.id()).orElseThrow().capsulePath());
        assertEquals(2, punches.listByPerson(ana.id(), T0, T0.plus(Duration.ofDays(1))).size());
        assertTrue(punches.verifyChain().intact());
        // someone else's data is untouched
        assertTrue(events.loadEvidence(other.id()).isPresent());
        assertEquals(1, templates.loadAll("m").size());
        assertEquals("person.erase", new AuditLog(db).listForTarget("person:" + ana.id(), 1).get(0).action());
        // no new punches for an erased person
        assertThrows(StoreException.class, () -> punches.insert(punch(ana.id(), PunchKind.IN, T0.plus(Duration.ofDays(1)), null)));
    }

    @Test
    void erasureCanAlsoPseudonymiseTheEmployeeNumber() {
        new SettingsRepository(db).set(PersonRepository.SETTING_ERASE_KEEP_EMPLOYEE_NO, false);
        new PersonRepository(db).erase(ana.id(), "admin");
        assertEquals("ERASED-" + ana.id(), new PersonRepository(db).findById(ana.id()).orElseThrow().employeeNo());
    }

    @Test
    void retentionPurgeKeepsPendingReviews() throws Exception {
        CheckEventRepository events = new CheckEventRepository(db);
        CheckEvent old = events.insert(CheckEvent.of(T0, "k", ana.id(), "PUNCH", "SUCCESS", 0.9, 0.9, null, ReviewState.NONE)
                .withCapsulePath("c/1"), sampleJpeg());
        CheckEvent pending = events.insert(CheckEvent.of(T0, "k", ana.id(), "REVIEW", "REVIEW", 0.6, 0.9, null,
                ReviewState.PENDING), sampleJpeg());
        CheckEvent recent = events.insert(CheckEvent.of(T0.plus(Duration.ofDays(40)), "k", ana.id(), "PUNCH", "SUCCESS",
                0.9, 0.9, null, ReviewState.NONE), sampleJpeg());
        CheckEventRepository.Purge p = events.purgeEvidenceBefore(T0.plus(Duration.ofDays(30)), "retention");
        assertEquals(1, p.evidenceDeleted());
        assertEquals(List.of("c/1"), p.capsulePaths());
        assertTrue(events.loadEvidence(old.id()).isEmpty());
        assertTrue(events.loadEvidence(pending.id()).isPresent());
        assertTrue(events.loadEvidence(recent.id()).isPresent());
    }

    @Test
    void settingsAreTyped() {
        SettingsRepository s = new SettingsRepository(db);
        assertEquals(0.75, s.getDouble("liveness.pass", 0.75));
        s.set("liveness.pass", 0.9);
        assertEquals(0.9, s.getDouble("liveness.pass", 0.75));
        s.set("rounding.minutes", 15);
        assertEquals(15, s.getInt("rounding.minutes", 0));
        s.set("kiosk.name", "Front door");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.getInt("kiosk.name", 0));
        assertTrue(e.getMessage().contains("must be a whole number"));
        s.set("kiosk.name", (String) null);
        assertEquals("none", s.getString("kiosk.name", "none"));
        assertThrows(IllegalArgumentException.class, () -> s.set("crypto.key_check", "x"));
        assertFalse(s.all().containsKey("crypto.key_check"));
    }
}
