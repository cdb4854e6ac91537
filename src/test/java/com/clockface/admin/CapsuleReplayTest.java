package com.clockface.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.clockface.camera.VideoFileSource;
import com.clockface.checkin.CheckinResult;
import com.clockface.checkin.CheckinService;
import com.clockface.checkin.CheckinSettings;
import com.clockface.checkin.Decision;
import com.clockface.checkin.FaceEngine;
import com.clockface.checkin.HeadlessCheckin;
import com.clockface.checkin.SessionCapsule;
import com.clockface.checkin.SessionSettings;
import com.clockface.gallery.SearchMode;
import com.clockface.liveness.LivenessProfile;
import com.clockface.liveness.flash.FlashMode;
import com.clockface.store.AppHome;
import com.clockface.store.CheckEvent;
import com.clockface.store.CheckEventRepository;
import com.clockface.store.Database;
import com.clockface.store.ReviewState;
import com.clockface.timeclock.TimeclockSettings;
import com.clockface.vision.ModelResolver;
import com.clockface.vision.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replaying a saved check-in from the review queue: a real check-in with a colour challenge, saved as a capsule. */
public class CapsuleReplayTest {

    /**
     * A check-in of an enrolled person's recording with a STANDARD colour challenge, which a recording cannot follow:
     * the flash response is missing, so the check-in is doubtful (REVIEW) or refused (ATTACK); either way it waits in
     * the review queue with its capsule (policy REVIEW_AND_FAIL).
     */
    public static CheckEvent doubtfulCheckinWithCapsule(FaceEngine engine, Database db, AppHome home) throws Exception {
        Path video = TestModels.data().resolve("videos/live/00002.webm");
        com.clockface.store.Person p = new Enrolment(db, 1000).createPerson("EMP900", "Apfol Review", "HQ", null, true, "test");
        try (VideoFileSource src = new VideoFileSource(video)) {
            LiveEnrolment live = new LiveEnrolment(engine, db, p.id(), FlashMode.EXPRESS);
            live.save(p.id(), live.runHeadless(src, Duration.ofSeconds(20)), true, "test");
        }
        CheckinSettings s = new CheckinSettings("front", LivenessProfile.WORK_HOURS, FlashMode.STANDARD, SearchMode.FAST,
                FaceEngine.DEFAULT_MATCH_THRESHOLD, 0, Duration.ofMinutes(10), Duration.ofMinutes(5),
                CheckinSettings.CapsulePolicy.REVIEW_AND_FAIL, Duration.ofDays(7));
        CheckinService service = new CheckinService(engine, db, s, TimeclockSettings.defaults(ZoneOffset.UTC), home.capsules());
        try (VideoFileSource src = new VideoFileSource(video)) {
            CheckinResult r = HeadlessCheckin.run(src, service.newSession(src.info(), SessionSettings.defaults()));
            assertTrue(r.decision() == Decision.REVIEW || r.decision() == Decision.ATTACK, r.decision() + ": " + r.message());
            return new CheckEventRepository(db).find(r.checkEventId()).orElseThrow();
        }
    }

    @Test
    void aSavedCheckinIsSteppedThroughWithItsColoursAndReanalysedToTheSameVerdict(@TempDir Path dir) throws Exception {
        AppHome home = AppHome.at(dir).ensureDirs();
        Database db = Database.open(home);
        try (FaceEngine engine = FaceEngine.load(ModelResolver.fromEnvironment(), db, null)) {
            CheckEvent e = doubtfulCheckinWithCapsule(engine, db, home);
            assertEquals(ReviewState.PENDING, e.reviewState());
            assertEquals(e.id(), new ReviewQueue(db).pending(10).get(0).event().id());

            assertTrue(SessionCapsule.isSealed(home.resolveStored(e.capsulePath())), "the kiosk's capsule is encrypted at rest");
            byte[] onDisk = Files.readAllBytes(home.resolveStored(e.capsulePath()));
            assertFalse(new String(onDisk, java.nio.charset.StandardCharsets.ISO_8859_1).contains("capsule.json"), "no zip in the clear");
            IOException noKey = assertThrows(IOException.class, () -> SessionCapsule.read(home.resolveStored(e.capsulePath())));
            assertTrue(noKey.getMessage().contains("--home"), noKey.getMessage());

            CapsuleReplay replay = new ReviewQueue(db).replay(home, e.id(), "maria");
            assertTrue(new com.clockface.store.AuditLog(db).listForTarget("check_event:" + e.id(), 5).stream()
                    .anyMatch(a -> a.action().equals("check_event.replay") && a.actor().equals("maria")), "viewing a recording is audited");
            assertTrue(replay.size() > 20, "frames: " + replay.size());
            assertEquals(e.decision(), replay.recordedDecision());
            assertEquals(e.outcome(), replay.recordedOutcome());
            assertEquals("STANDARD", replay.flashMode());
            List<CapsuleReplay.Segment> colours = replay.timeline();
            assertTrue(colours.size() >= 5 && colours.size() <= 8, "a STANDARD challenge has 5-8 colours: " + colours);
            for (int i = 1; i < colours.size(); i++) assertEquals(colours.get(i - 1).toMs(), colours.get(i).fromMs());
            assertEquals(0, replay.step(0).ms());
            assertNull(replay.step(0).colour(), "the pre-roll comes before the first colour");
            CapsuleReplay.Segment second = colours.get(1);
            int during = replay.stepAt((second.fromMs() + second.toMs()) / 2);
            assertTrue(replay.step(during).ms() <= second.toMs());
            assertEquals(second.colour(), replay.step(during).colour(), "each frame knows the colour that was on screen");
            assertNotNull(replay.frame(during));
            assertEquals(replay.size() - 1, replay.stepAt(Long.MAX_VALUE));
            assertTrue(replay.durationMs() >= colours.get(colours.size() - 1).toMs());

            SessionCapsule.Reanalysis again = replay.reanalyse(engine.scorer());
            assertTrue(again.agrees(), () -> "recorded " + replay.recordedScore() + ", recomputed " + again.recomputed());
            assertEquals(e.outcome(), again.recomputed().outcome().name());

            // a capsule removed by the retention purge: a clear error, not a crash
            Files.delete(home.resolveStored(e.capsulePath()));
            IOException gone = assertThrows(IOException.class, () -> CapsuleReplay.of(home, db.crypto(), e));
            assertTrue(gone.getMessage().contains("does not exist"), gone.getMessage());
        }
    }
}
