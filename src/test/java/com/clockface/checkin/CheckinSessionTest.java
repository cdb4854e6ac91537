package com.clockface.checkin;

import com.clockface.liveness.LivenessResult;
import com.clockface.liveness.flash.ColourTimeline;
import com.clockface.liveness.flash.FlashMode;
import com.clockface.vision.BgrImage;
import com.clockface.vision.CameraInfo;
import com.clockface.vision.FaceDetector;
import com.clockface.vision.Frame;
import com.clockface.vision.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The state machine on frames composed from a real webcam photo, with the real YuNet detector and frame-clock time. */
class CheckinSessionTest {

    static final long FRAME = 33_333_333L; // 30 fps
    static FaceDetector detector;
    static BgrImage photo;

    @BeforeAll
    static void load() throws Exception {
        detector = new FaceDetector(TestModels.model("yunet-2023mar.onnx"));
        photo = TestFrames.nuaa();
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    private static final Map<BgrImage, List<com.clockface.vision.Face>> DETECTED = new java.util.IdentityHashMap<>();

    /** The real detector; the tests feed the same picture many times, so each picture is detected once. */
    static synchronized List<com.clockface.vision.Face> detect(BgrImage img) {
        return DETECTED.computeIfAbsent(img, detector::detect);
    }

    /** Records what the session hands over and answers with a fixed result. */
    static final class Recorder implements CheckinAnalyser {
        final List<SessionCapture> captures = new ArrayList<>();

        @Override
        public CheckinResult analyse(SessionCapture c) {
            captures.add(c);
            return new CheckinResult(Decision.UNKNOWN_PERSON, "Not recognised.",
                    new LivenessResult(0.9, com.clockface.liveness.Outcome.SUCCESS, Map.of(), null), null, null, null, Instant.EPOCH);
        }
    }

    static final CameraInfo CAMERA = new CameraInfo("test", "test", 640, 480, 30, true);

    private CheckinSession session(SessionSettings s, Recorder r) {
        return new CheckinSession(s, CAMERA, CheckinSessionTest::detect, r);
    }

    /** Feeds the same picture for {@code n} frames from {@code t}; returns the last view. */
    private static SessionView feed(CheckinSession s, BgrImage img, long[] t, int n) {
        SessionView v = null;
        for (int i = 0; i < n; i++) {
            v = s.onFrame(new Frame(img, t[0]));
            t[0] += FRAME;
        }
        return v;
    }

    @Test
    void guidesThroughEveryAlignmentProblem() {
        CheckinSession s = session(SessionSettings.defaults(), new Recorder());
        long[] t = {1_000_000_000L};
        SessionView v = feed(s, TestFrames.grey(640, 480), t, 1);
        assertEquals(SessionState.IDLE, v.state());
        assertEquals(Guidance.NO_FACE, v.guidance());
        assertNotNull(v.oval());
        assertEquals(320, v.oval().centerX(), 1e-9);

        v = feed(s, TestFrames.transformed(photo, 0.5, 0, 0), t, 1);
        assertEquals(SessionState.ALIGNING, v.state());
        assertEquals(Guidance.MOVE_CLOSER, v.guidance());
        assertNotNull(v.face());

        v = feed(s, TestFrames.transformed(photo, 1.7, 0, 0), t, 1);
        assertEquals(Guidance.MOVE_BACK, v.guidance());

        v = feed(s, TestFrames.transformed(photo, 1.0, -190, 0), t, 1);
        assertEquals(Guidance.CENTER_FACE, v.guidance());

        v = feed(s, TestFrames.twoFaces(photo, 0.75), t, 1);
        assertEquals(SessionState.SEARCHING, v.state());
        assertEquals(Guidance.MULTIPLE_FACES, v.guidance());

        v = feed(s, TestFrames.gain(photo, 0.15), t, 1);
        assertEquals(Guidance.TOO_DARK, v.guidance());

        v = feed(s, TestFrames.blurred(photo, 6), t, 1);
        assertEquals(Guidance.BLURRY, v.guidance());

        // a jump between two frames is movement
        feed(s, photo, t, 1);
        v = feed(s, TestFrames.transformed(photo, 1.0, 30, 0), t, 1);
        assertEquals(Guidance.HOLD_STILL, v.guidance());

        v = feed(s, TestFrames.transformed(photo, 1.0, 30, 0), t, 1);
        assertEquals(Guidance.ALIGNED, v.guidance());
        assertTrue(v.sentence().length() > 3);
        assertNull(v.colour());
    }

    @Test
    void tiltedHeadMustLookStraight() {
        // rotate the photo by 25 degrees: the eye line tilts
        java.awt.image.BufferedImage src = photo.toBufferedImage();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = out.createGraphics();
        g.rotate(Math.toRadians(25), 320, 240);
        g.drawImage(src, 0, 0, null);
        g.dispose();
        CheckinSession s = session(SessionSettings.defaults(), new Recorder());
        SessionView v = feed(s, BgrImage.fromBufferedImage(out), new long[] {0}, 1);
        assertEquals(Guidance.LOOK_STRAIGHT, v.guidance());
    }

    @Test
    void alignedAndStillStartsTheChallengeAndReportedPaintsBecomeTheTimeline() {
        Recorder r = new Recorder();
        CheckinSession s = session(SessionSettings.defaults(), r);
        long[] t = {5_000_000_000L};
        SessionView v = feed(s, photo, t, 10); // 0.33 s: still aligning
        assertEquals(SessionState.ALIGNING, v.state());
        assertEquals(Guidance.ALIGNED, v.guidance());
        assertTrue(v.progress() > 0.1 && v.progress() < 0.3, "progress " + v.progress());
        v = feed(s, photo, t, 10);
        assertEquals(SessionState.FLASHING, v.state());
        var seq = s.challenge();
        assertNotNull(seq);
        assertTrue(seq.size() >= 5 && seq.size() <= 8);
        assertEquals(0, v.colourStep());
        assertEquals(seq.steps().get(0).colour(), v.colour());

        // the screen paints each step one frame late
        long start = v.timeNanos();
        List<Long> painted = new ArrayList<>();
        int shown = -1;
        while (s.state() == SessionState.FLASHING) {
            v = s.onFrame(new Frame(photo, t[0]));
            if (v.colourStep() > shown) {
                shown = v.colourStep();
                s.colourShown(shown, t[0] + 8_000_000L);
                painted.add(t[0] + 8_000_000L);
            }
            t[0] += FRAME;
        }
        assertEquals(seq.size(), painted.size(), "every step was due on some frame");
        s.colourShown(seq.size(), start + seq.totalMillis() * 1_000_000L + 8_000_000L);
        assertEquals(SessionState.ANALYSING, v.state());
        assertNull(v.colour());
        v = feed(s, photo, t, 15);
        assertEquals(SessionState.RESULT, v.state());
        assertEquals(Decision.UNKNOWN_PERSON, v.result().decision());
        assertEquals("Not recognised.", v.sentence());

        assertEquals(1, r.captures.size());
        SessionCapture c = r.captures.get(0);
        ColourTimeline tl = c.timeline();
        assertEquals(seq.size(), tl.size());
        for (int i = 0; i < seq.size(); i++) {
            assertEquals(painted.get(i), tl.startNanos(i));
            assertEquals(seq.steps().get(i).colour(), tl.colour(i));
        }
        assertTrue(c.complete());
        assertEquals(0, c.cancellations());
        // pre-roll (0.6 s of aligning) + challenge + post-roll, all with the face
        assertTrue(c.frames().get(0).timeNanos() < start);
        assertTrue(c.frames().get(c.frames().size() - 1).timeNanos() >= tl.endNanos());
        assertEquals(c.frames().size(), c.faceCount());

        // the result stays for resultHold, then the session is idle again
        v = feed(s, TestFrames.grey(640, 480), t, 30);
        assertEquals(SessionState.RESULT, v.state());
        v = feed(s, TestFrames.grey(640, 480), t, 80);
        assertEquals(SessionState.IDLE, v.state());
    }

    @Test
    void faceLeavingTheOvalOrASecondFaceCancelsTheChallengeAndANewOneIsDrawn() {
        Recorder r = new Recorder();
        CheckinSession s = session(SessionSettings.defaults(), r);
        long[] t = {0};
        SessionView v = feed(s, photo, t, 20);
        assertEquals(SessionState.FLASHING, v.state());
        var first = s.challenge();
        feed(s, photo, t, 10);

        v = feed(s, TestFrames.transformed(photo, 1.0, -220, 0), t, 1);
        assertEquals(SessionState.ALIGNING, v.state(), "moved out of the oval");
        assertEquals(Guidance.CENTER_FACE, v.guidance());
        assertNull(v.colour());
        assertNull(s.challenge());
        assertEquals(1, s.cancellations());
        s.colourShown(0, t[0]); // a late report for the dead challenge is ignored

        v = feed(s, photo, t, 22);
        assertEquals(SessionState.FLASHING, v.state());
        assertNotSame(first, s.challenge());
        v = feed(s, TestFrames.twoFaces(photo, 0.75), t, 1);
        assertEquals(Guidance.MULTIPLE_FACES, v.guidance());
        assertEquals(2, s.cancellations());

        // face lost for longer than the grace period (grey frames)
        feed(s, photo, t, 22);
        assertEquals(SessionState.FLASHING, s.state());
        feed(s, TestFrames.grey(640, 480), t, 10);
        assertNotEquals(SessionState.FLASHING, s.state());
        assertEquals(3, s.cancellations());

        // a finished challenge after the cancellations is analysed and says how many came before
        v = feed(s, photo, t, 150);
        assertEquals(SessionState.RESULT, v.state());
        assertEquals(1, r.captures.size());
        assertEquals(3, r.captures.get(0).cancellations());
    }

    @Test
    void noUsableFaceForTheTimeoutGoesBackToIdle() {
        CheckinSession s = session(SessionSettings.defaults(), new Recorder());
        long[] t = {0};
        feed(s, TestFrames.transformed(photo, 0.5, 0, 0), t, 3);
        assertEquals(SessionState.ALIGNING, s.state());
        // two people keep standing there: no single usable face
        SessionView v = feed(s, TestFrames.twoFaces(photo, 0.75), t, 30 * 9);
        assertEquals(SessionState.SEARCHING, v.state());
        v = feed(s, TestFrames.twoFaces(photo, 0.75), t, 31);
        assertEquals(SessionState.IDLE, v.state());

        // a stalled camera: tick alone times out too
        feed(s, TestFrames.transformed(photo, 0.5, 0, 0), t, 1);
        assertEquals(SessionState.ALIGNING, s.state());
        assertEquals(SessionState.ALIGNING, s.tick(t[0] + 9_000_000_000L).state());
        assertEquals(SessionState.IDLE, s.tick(t[0] + 10_100_000_000L).state());
    }

    @Test
    void expressModeCapturesWithoutColours() {
        Recorder r = new Recorder();
        CheckinSession s = session(SessionSettings.defaults().withFlashMode(FlashMode.EXPRESS), r);
        long[] t = {0};
        SessionView v = feed(s, photo, t, 20);
        assertEquals(SessionState.FLASHING, v.state());
        assertNull(v.colour());
        assertEquals(Duration.ofMillis(1200), s.challengeLength());
        v = feed(s, photo, t, 60);
        assertEquals(SessionState.RESULT, v.state());
        assertEquals(0, r.captures.get(0).timeline().size());
    }

    /** The kiosk analyses every 3rd frame on a busy CPU: the capture carries the camera's times of all frames. */
    @Test
    void aSessionFedSomeFramesHandsOverTheCamerasTimesOfAllFrames() {
        Recorder r = new Recorder();
        com.clockface.camera.FrameTimes camera = new com.clockface.camera.FrameTimes(900);
        CheckinSession s = session(SessionSettings.defaults().withFlashMode(FlashMode.EXPRESS), r).cameraTimes(camera::between);
        long t = 0;
        for (int i = 0; i < 240 && r.captures.isEmpty(); i++, t += FRAME) {
            camera.add(t);
            if (i % 3 == 0) s.onFrame(new Frame(photo, t));
        }
        SessionCapture c = r.captures.get(0);
        long first = c.frames().get(0).timeNanos(), last = c.frames().get(c.frames().size() - 1).timeNanos();
        long[] times = c.cameraTimes();
        assertEquals(first, times[0]);
        assertEquals(last, times[times.length - 1]);
        assertEquals(3 * (c.frames().size() - 1) + 1, times.length, "every camera frame from the first to the last analysed one");
    }

    @Test
    void finishAnalysesACutShortRecordingAndErrorsWithoutFaces() {
        Recorder r = new Recorder();
        CheckinSession s = session(SessionSettings.defaults().withFlashMode(FlashMode.EXPRESS), r);
        long[] t = {0};
        feed(s, TestFrames.transformed(photo, 0.5, 0, 0), t, 10); // never close enough
        SessionView v = s.finish(t[0]);
        assertEquals(SessionState.RESULT, v.state());
        SessionCapture c = r.captures.get(0);
        assertFalse(c.complete());
        assertEquals(10, c.faceCount());

        CheckinSession empty = session(SessionSettings.defaults(), r);
        feed(empty, TestFrames.grey(640, 480), new long[] {0}, 5);
        assertEquals(SessionState.RESULT, empty.finish(200_000_000L).state());
        assertEquals(0, r.captures.get(1).faceCount());
    }

    @Test
    void aRecordedTimelineDrivesTheChallengeAndIsNeverCancelled() {
        Recorder r = new Recorder();
        ColourTimeline tl = ColourTimeline.builder(FlashMode.STANDARD)
                .painted(com.clockface.liveness.flash.FlashColour.RED, 2_000_000_000L)
                .painted(com.clockface.liveness.flash.FlashColour.GREEN, 2_400_000_000L)
                .painted(com.clockface.liveness.flash.FlashColour.BLUE, 2_800_000_000L)
                .painted(com.clockface.liveness.flash.FlashColour.WHITE, 3_200_000_000L)
                .finish(3_600_000_000L);
        CheckinSession s = session(SessionSettings.defaults().withFixedTimeline(tl), r);
        long[] t = {0};
        SessionView v = feed(s, photo, t, 62); // aligned long before, but waits for the recording's flash
        assertEquals(SessionState.FLASHING, v.state());
        assertEquals(com.clockface.liveness.flash.FlashColour.RED, v.colour());
        v = feed(s, TestFrames.transformed(photo, 1.0, -220, 0), t, 5);
        assertEquals(SessionState.FLASHING, v.state());
        feed(s, photo, t, 60);
        assertEquals(SessionState.RESULT, s.state());
        assertSame(tl, r.captures.get(0).timeline());
    }
}
