package com.clockface.checkin;

import com.clockface.camera.VideoFileSource;
import com.clockface.liveness.Outcome;
import com.clockface.liveness.flash.FlashMode;
import com.clockface.store.AppHome;
import com.clockface.store.AuditLog;
import com.clockface.store.CheckEvent;
import com.clockface.store.CheckEventRepository;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.PunchRepository;
import com.clockface.store.ReviewState;
import com.clockface.store.TemplateSource;
import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchKind;
import com.clockface.timeclock.PunchStatus;
import com.clockface.timeclock.TimeclockSettings;
import com.clockface.vision.FaceQuality;
import com.clockface.vision.Frame;
import com.clockface.vision.ModelResolver;
import com.clockface.vision.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Whole check-ins through {@link CheckinSession} and {@link CheckinService} on the four real recordings, with
 * the real models and a real SQLite database: punches, debounce, attacks, the kiosk lock, capsules.
 */
class CheckinServiceTest {

    static Path video(String name) {
        return TestModels.data().resolve("videos").resolve(name);
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-02T08:02:00Z");
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    /** Enrols a person from a frame of the recording (the first frame, from 1 s on, that passes live-capture quality). */
    static Person enrol(FaceEngine engine, Database db, Path video, String no, String name) throws Exception {
        Person p = new PersonRepository(db).create(Person.newPerson(no, name, "HQ"), "test");
        try (VideoFileSource src = new VideoFileSource(video)) {
            src.open();
            Frame f;
            int i = 0;
            while ((f = src.next()) != null) {
                if (i++ < 15 || i % 5 != 0) continue;
                try {
                    engine.saveTemplate(p.id(), engine.prepareTemplate(f.image(), FaceQuality.Rules.LIVE_CAPTURE, p.id()), TemplateSource.LIVE, "test");
                    return p;
                } catch (EnrolmentException e) {
                    // try a later frame
                }
            }
        }
        throw new AssertionError("no enrolable frame in " + video);
    }

    /** A session on the first 6 s of the recording (the replays never align: they end as cut-short captures). */
    static CheckinResult run(CheckinService service, Path video) throws Exception {
        try (VideoFileSource src = new VideoFileSource(video)) {
            src.open();
            CheckinSession s = service.newSession(src.info(), SessionSettings.defaults().withFlashMode(FlashMode.EXPRESS));
            return HeadlessCheckin.run(src, s, Duration.ofSeconds(6));
        }
    }

    static CheckinSettings settings() {
        return CheckinSettings.defaults().withFlashMode(FlashMode.EXPRESS);
    }

    @Test
    void liveRecordingPunchesInOnceThenAlreadyPunchedAndItsCapsuleReanalysesTheSame(@TempDir Path dir) throws Exception {
        MovableClock clock = new MovableClock();
        AppHome home = AppHome.at(dir).ensureDirs();
        Database db = Database.open(home, Database.Options.defaults().withClock(clock));
        try (FaceEngine engine = FaceEngine.load(ModelResolver.fromEnvironment(), db, null)) {
            Person apfol = enrol(engine, db, video("live/00002.webm"), "E002", "Apfol Tester");
            CheckinService service = new CheckinService(engine, db, settings().withCapsules(CheckinSettings.CapsulePolicy.ALL),
                    TimeclockSettings.defaults(ZoneOffset.UTC), home.capsules());

            CheckinResult r = run(service, video("live/00002.webm"));
            assertEquals(Decision.PUNCH_IN, r.decision(), r.message());
            assertEquals(Outcome.SUCCESS, r.liveness().outcome());
            assertEquals(apfol.id(), r.match().personId());
            assertTrue(r.message().contains("Apfol") && r.message().contains("08:02"), r.message());
            // the punch is on disk, tied to its check event, with the encrypted evidence frame
            PunchRepository punches = new PunchRepository(db);
            List<Punch> mine = punches.listByPerson(apfol.id(), clock.now.minusSeconds(3600), clock.now.plusSeconds(3600));
            assertEquals(1, mine.size());
            assertEquals(PunchKind.IN, mine.get(0).kind());
            assertEquals(PunchStatus.CONFIRMED, mine.get(0).status());
            assertEquals(r.checkEventId(), mine.get(0).checkEventId());
            CheckEventRepository events = new CheckEventRepository(db);
            CheckEvent e = events.find(r.checkEventId()).orElseThrow();
            assertEquals("PUNCH_IN", e.decision());
            assertEquals("SUCCESS", e.outcome());
            assertTrue(e.hasEvidence());
            byte[] jpeg = events.loadEvidence(e.id()).orElseThrow();
            assertEquals((byte) 0xFF, jpeg[0]);
            assertEquals((byte) 0xD8, jpeg[1]);
            assertTrue(e.signalsJson().contains("pad.passive") && e.signalsJson().contains("injection"), e.signalsJson());

            // the capsule written by the ALL policy recomputes to the same verdict
            assertNotNull(e.capsulePath());
            assertTrue(SessionCapsule.isSealed(Path.of(e.capsulePath())), "the kiosk seals its capsules");
            SessionCapsule.Contents capsule = SessionCapsule.read(Path.of(e.capsulePath()), db.crypto());
            assertEquals("PUNCH_IN", capsule.verdict().path("decision").asText());
            assertEquals(service.lastAnalysis().capture().frames().size(), capsule.capture().frames().size());
            SessionCapsule.Reanalysis re = SessionCapsule.analyze(capsule, engine.scorer());
            assertTrue(re.agrees(), () -> "recorded " + re.recordedScore() + " " + re.recordedOutcome() + ", recomputed " + re.recomputed());

            // the same person 20 s later: already clocked in, nothing recorded
            clock.now = clock.now.plusSeconds(20);
            CheckinResult again = run(service, video("live/00002.webm"));
            assertEquals(Decision.ALREADY_PUNCHED, again.decision(), again.message());
            assertTrue(again.message().contains("already clocked in at 08:02"), again.message());
            assertEquals(1, punches.listByPerson(apfol.id(), clock.now.minusSeconds(3600), clock.now.plusSeconds(3600)).size());
            assertEquals("ALREADY_PUNCHED", events.find(again.checkEventId()).orElseThrow().decision());
        }
    }

    @Test
    void theOtherLiveRecordingIsNotAnAttackAndNeverACountingPunchWhenDoubtful(@TempDir Path dir) throws Exception {
        AppHome home = AppHome.at(dir).ensureDirs();
        Database db = Database.open(home);
        try (FaceEngine engine = FaceEngine.load(ModelResolver.fromEnvironment(), db, null)) {
            Person zubair = enrol(engine, db, video("live/00001.webm"), "E001", "Zubair Tester");
            CheckinService service = new CheckinService(engine, db, settings(), TimeclockSettings.defaults(ZoneOffset.UTC), null);
            CheckinResult r = run(service, video("live/00001.webm"));
            assertNotEquals(Outcome.FAIL, r.liveness().outcome(), () -> "live scored " + r.liveness());
            assertNotNull(r.match(), r.message());
            assertEquals(zubair.id(), r.match().personId());
            assertTrue(r.decision() == Decision.PUNCH_IN || r.decision() == Decision.REVIEW, r.decision() + " " + r.message());
            Punch p = r.punch();
            assertNotNull(p);
            assertEquals(r.decision() == Decision.REVIEW ? PunchStatus.PENDING : PunchStatus.CONFIRMED, p.status());
            CheckEvent e = new CheckEventRepository(db).find(r.checkEventId()).orElseThrow();
            assertEquals(r.decision() == Decision.REVIEW ? ReviewState.PENDING : ReviewState.NONE, e.reviewState());
        }
    }

    @Test
    void screenReplaysAreAttacksAndRepeatedAttacksLockTheKiosk(@TempDir Path dir) throws Exception {
        MovableClock clock = new MovableClock();
        AppHome home = AppHome.at(dir).ensureDirs();
        Database db = Database.open(home, Database.Options.defaults().withClock(clock));
        try (FaceEngine engine = FaceEngine.load(ModelResolver.fromEnvironment(), db, null)) {
            enrol(engine, db, video("live/00002.webm"), "E002", "Apfol Tester");
            CheckinSettings s = new CheckinSettings("kiosk-1", com.clockface.liveness.LivenessProfile.WORK_HOURS, FlashMode.EXPRESS,
                    com.clockface.gallery.SearchMode.FAST, FaceEngine.DEFAULT_MATCH_THRESHOLD, 2, Duration.ofMinutes(10),
                    Duration.ofMinutes(5), CheckinSettings.CapsulePolicy.REVIEW_AND_FAIL, Duration.ofDays(30));
            CheckinService service = new CheckinService(engine, db, s, TimeclockSettings.defaults(ZoneOffset.UTC), home.capsules());
            CheckEventRepository events = new CheckEventRepository(db);

            for (String replay : List.of("replay/00001.webm", "replay/00002.webm")) {
                clock.now = clock.now.plusSeconds(30);
                CheckinResult r = run(service, video(replay));
                assertEquals(Outcome.FAIL, r.liveness().outcome(), () -> replay + " scored " + r.liveness());
                assertEquals(Decision.ATTACK, r.decision(), replay);
                assertNull(r.punch());
                CheckEvent e = events.find(r.checkEventId()).orElseThrow();
                assertEquals("ATTACK", e.decision());
                assertEquals("FAIL", e.outcome());
                assertTrue(Files.isRegularFile(Path.of(e.capsulePath())), "REVIEW_AND_FAIL saves attack capsules");
                assertEquals(ReviewState.PENDING, e.reviewState(), "every suspected attack waits in the review queue");
            }
            assertEquals(0, new PunchRepository(db).listRange(clock.now.minusSeconds(3600), clock.now.plusSeconds(1)).size());
            AuditLog audit = new AuditLog(db);
            assertEquals(2, audit.list(50).stream().filter(a -> a.action().equals("PAD_ATTACK")).count());
            assertTrue(audit.list(50).stream().anyMatch(a -> a.action().equals("kiosk.locked")));

            // two attacks within ten minutes: locked for five minutes after the second
            Instant until = service.lockedUntil().orElseThrow();
            assertEquals(clock.now.plus(Duration.ofMinutes(5)), until);
            clock.now = clock.now.plusSeconds(60);
            CheckinResult locked = run(service, video("live/00002.webm"));
            assertEquals(Decision.LOCKED, locked.decision());
            assertNull(locked.punch());
            clock.now = until.plusSeconds(1);
            assertTrue(service.lockedUntil().isEmpty());
            assertEquals(Decision.PUNCH_IN, run(service, video("live/00002.webm")).decision());
        }
    }
}
