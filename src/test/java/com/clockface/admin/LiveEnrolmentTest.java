package com.clockface.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.clockface.camera.ImageFolderSource;
import com.clockface.camera.VideoFileSource;
import com.clockface.checkin.CheckinResult;
import com.clockface.checkin.CheckinService;
import com.clockface.checkin.Decision;
import com.clockface.checkin.FaceEngine;
import com.clockface.checkin.HeadlessCheckin;
import com.clockface.checkin.SessionSettings;
import com.clockface.liveness.Outcome;
import com.clockface.liveness.flash.FlashMode;
import com.clockface.store.AppHome;
import com.clockface.store.AuditLog;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.Template;
import com.clockface.store.TemplateRepository;
import com.clockface.store.TemplateSource;
import com.clockface.vision.FaceQuality;
import com.clockface.vision.Frame;
import com.clockface.vision.ModelResolver;
import com.clockface.vision.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live enrolment through the check-in session on the real recordings, with the real models and a real SQLite
 * home. A recording cannot follow the colour flash, so the session runs in EXPRESS mode (passive PAD and
 * injection signals), as {@code clockface enroll --live --camera file:VIDEO} does.
 */
class LiveEnrolmentTest {

    @TempDir static Path dir;
    static Database db;
    static FaceEngine engine;

    @BeforeAll
    static void open() throws Exception {
        db = Database.open(AppHome.at(dir));
        engine = FaceEngine.load(ModelResolver.fromEnvironment(), db, null);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Path video(String name) { return TestModels.data().resolve("videos").resolve(name); }

    static LiveEnrolment.Result capture(Path video, long personId) throws Exception {
        LiveEnrolment live = new LiveEnrolment(engine, db, personId, FlashMode.EXPRESS);
        try (VideoFileSource src = new VideoFileSource(video)) {
            return live.runHeadless(src, Duration.ofSeconds(20));
        }
    }

    @Test
    void aLivePersonIsEnrolledFromSeveralPosesAndThenRecognisedAtTheKiosk() throws Exception {
        Person apfol = new Enrolment(db, 1000).createPerson("EMP500", "Apfol Live", "HQ", null, true, "maria");
        LiveEnrolment.Result r = capture(video("live/00002.webm"), apfol.id());

        assertTrue(r.accepted(), r.message());
        assertEquals(Outcome.SUCCESS, r.liveness().outcome());
        assertTrue(r.liveness().score() >= LiveEnrolment.PROFILE.pass(), "high-security pass: " + r.liveness().score());
        assertTrue(r.frames().size() >= LiveEnrolment.MIN_FRAMES && r.frames().size() <= LiveEnrolment.MAX_FRAMES, r.frames().toString());
        assertTrue(r.yawSpread() >= LiveEnrolment.MIN_YAW_SPREAD, "pose spread " + r.yawSpread());
        for (LiveEnrolment.ChosenFrame f : r.frames()) {
            assertTrue(f.template().quality().ok(), "each chosen frame passes the live-capture rules");
            assertTrue(Math.abs(f.yaw()) <= FaceQuality.Rules.LIVE_CAPTURE.maxYaw());
        }
        assertTrue(r.lookalikes().isEmpty(), "nobody else is enrolled yet");
        assertTrue(new TemplateRepository(db).listForPerson(apfol.id()).isEmpty(), "nothing is stored before save");

        List<Template> saved = new LiveEnrolment(engine, db, apfol.id(), FlashMode.EXPRESS).save(apfol.id(), r, false, "maria");
        assertEquals(r.frames().size(), saved.size());
        List<Template> stored = new TemplateRepository(db).listForPerson(apfol.id());
        assertEquals(saved.size(), stored.size());
        assertTrue(stored.stream().allMatch(t -> t.source() == TemplateSource.LIVE));
        AuditLog.Entry audit = new AuditLog(db).listForTarget("person:" + apfol.id(), 10).stream()
                .filter(e -> e.action().equals("person.enrol_live")).findFirst().orElseThrow();
        assertEquals("maria", audit.actor());
        assertTrue(audit.detail().contains("high-security") && audit.detail().contains("\"EXPRESS\""), audit.detail());
        assertFalse(audit.detail().contains("embedding"), "no biometric data in the audit log");

        // The kiosk's own check-in on the same person now recognises them from the live templates.
        CheckinService kiosk = CheckinService.fromDatabase(engine, db, null);
        try (VideoFileSource src = new VideoFileSource(video("live/00002.webm"))) {
            CheckinResult checkin = HeadlessCheckin.run(src, kiosk.newSession(src.info(),
                    SessionSettings.defaults().withFlashMode(FlashMode.EXPRESS)));
            assertEquals(Decision.PUNCH_IN, checkin.decision(), checkin.message());
            assertEquals(apfol.id(), checkin.match().personId());
        }

        // Enrolling the same face under another employee number is flagged before anything is saved.
        Person other = new Enrolment(db, 1000).createPerson("EMP501", "Someone Else", "HQ", null, true, "maria");
        LiveEnrolment.Result again = capture(video("live/00002.webm"), other.id());
        assertTrue(again.accepted(), again.message());
        assertEquals("EMP500", again.lookalikes().get(0).employeeNo());
        assertTrue(again.message().contains("looks like Apfol Live"), again.message());
        IllegalArgumentException unconfirmed = assertThrows(IllegalArgumentException.class,
                () -> new LiveEnrolment(engine, db, other.id(), FlashMode.EXPRESS).save(other.id(), again, false, "maria"));
        assertTrue(unconfirmed.getMessage().contains("confirm"), unconfirmed.getMessage());
        assertTrue(new TemplateRepository(db).listForPerson(other.id()).isEmpty());
    }

    @Test
    void replayedVideosAreRefusedByTheHighSecurityLivenessCheckAndCannotBeSaved() throws Exception {
        Person p = new Enrolment(db, 1000).createPerson("EMP502", "Nobody Saved", "HQ", null, true, "maria");
        for (String replay : List.of("replay/00001.webm", "replay/00002.webm")) {
            LiveEnrolment.Result r = capture(video(replay), p.id());
            assertFalse(r.accepted(), replay);
            assertEquals(LiveEnrolment.Refusal.LIVENESS_FAILED, r.refusal(), replay + ": " + r.message());
            assertEquals(Outcome.FAIL, r.liveness().outcome());
            assertTrue(r.frames().isEmpty());
            assertTrue(r.message().contains("liveness check failed"), r.message());
            LiveEnrolment live = new LiveEnrolment(engine, db, p.id(), FlashMode.EXPRESS);
            assertThrows(IllegalArgumentException.class, () -> live.save(p.id(), r, true, "maria"));
        }
        assertTrue(new TemplateRepository(db).listForPerson(p.id()).isEmpty());
        assertNull(new LiveEnrolment(engine, db, 0, FlashMode.EXPRESS).lastResult());
    }

    @Test
    void aFrozenPictureIsRefused(@TempDir Path frames) throws Exception {
        // One frame of the live recording, shown again and again (a photo held still, or a frozen virtual camera).
        try (VideoFileSource src = new VideoFileSource(video("live/00002.webm"))) {
            src.open();
            Frame f = null;
            for (int i = 0; i < 90; i++) f = src.next();
            for (int i = 1; i <= 90; i++) ImageIO.write(f.image().toBufferedImage(), "png", frames.resolve(String.format("%05d.png", i)).toFile());
        }
        LiveEnrolment live = new LiveEnrolment(engine, db, 0, FlashMode.EXPRESS);
        try (ImageFolderSource src = new ImageFolderSource(frames, 15)) {
            LiveEnrolment.Result r = live.runHeadless(src, Duration.ofSeconds(20));
            assertEquals(LiveEnrolment.Refusal.LIVENESS_FAILED, r.refusal(), r.message());
            assertTrue(r.liveness().signals().getOrDefault("injection.frozen_frames", 0.0) > 0.5, r.liveness().signals().toString());
        }
    }

    @Test
    void aCaptureWithTooFewFramesIsRefusedWhateverItsLivenessScore() throws Exception {
        // Every fourth frame of the live recording: what an overloaded PC analyses of a real-time camera.
        LiveEnrolment live = new LiveEnrolment(engine, db, 0, FlashMode.EXPRESS);
        try (VideoFileSource src = new VideoFileSource(video("live/00002.webm"))) {
            com.clockface.camera.FrameSource sparse = new com.clockface.camera.FrameSource() {
                int n;
                public void open() throws com.clockface.camera.CameraException { src.open(); }
                public Frame next() throws com.clockface.camera.CameraException {
                    Frame f;
                    do { f = src.next(); } while (f != null && n++ % 4 != 0);
                    return f;
                }
                public com.clockface.vision.CameraInfo info() { return src.info(); }
                public void close() { src.close(); }
            };
            LiveEnrolment.Result r = live.runHeadless(sparse, Duration.ofSeconds(20));
            assertEquals(LiveEnrolment.Refusal.TOO_FEW_FRAMES, r.refusal(), r.message());
            assertTrue(r.facesSeen() < LiveEnrolment.MIN_CAPTURE_FRAMES);
            assertTrue(r.message().contains("frames could be checked"), r.message());
        }
    }

    @Test
    void framesAreChosenAcrossTheHeadTurnAndOnePoseIsNotEnough() throws Exception {
        List<LiveEnrolment.Candidate0> good = new ArrayList<>();
        double[] yaws = {0.01, 0.02, 0.12, -0.15, 0.03, 0.11, -0.14, 0.0, 0.05};
        for (int i = 0; i < yaws.length; i++) good.add(new LiveEnrolment.Candidate0(i, yaws[i], report(0.9 - i * 0.01, yaws[i])));
        List<LiveEnrolment.Candidate0> chosen = LiveEnrolment.choose(good);
        assertEquals(0, chosen.get(0).index(), "the best-quality frame leads");
        assertTrue(chosen.stream().anyMatch(k -> k.yaw() < -0.13) && chosen.stream().anyMatch(k -> k.yaw() > 0.1), chosen.toString());
        assertTrue(LiveEnrolment.spread(chosen) >= 0.25);
        assertTrue(chosen.size() <= LiveEnrolment.MAX_FRAMES);

        List<LiveEnrolment.Candidate0> still = new ArrayList<>();
        for (int i = 0; i < 20; i++) still.add(new LiveEnrolment.Candidate0(i, 0.03 + (i % 3) * 0.004, report(0.8, 0.03)));
        List<LiveEnrolment.Candidate0> one = LiveEnrolment.choose(still);
        assertTrue(one.size() < LiveEnrolment.MIN_FRAMES || LiveEnrolment.spread(one) < LiveEnrolment.MIN_YAW_SPREAD,
                "twenty frames of one pose are one pose: " + one);
    }

    /** A quality report whose score ranks as given (sharpness carries it). */
    private static FaceQuality.Report report(double score, double yaw) {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("sharpness", score * 0.8);
        m.put("yaw", 0.0);
        m.put("interEyePx", 120.0);
        return new FaceQuality.Report(null, List.of(), m);
    }
}
