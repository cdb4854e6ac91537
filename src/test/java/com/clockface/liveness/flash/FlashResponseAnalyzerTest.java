package com.clockface.liveness.flash;

import static org.junit.jupiter.api.Assertions.*;

import com.clockface.liveness.flash.FlashSimulator.Attack;
import com.clockface.vision.Face;
import com.clockface.vision.FaceDetector;
import com.clockface.vision.TestModels;
import com.clockface.vision.Frame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analyser on simulated camera streams built from real NUAA photos (see {@link FlashSimulator}: a
 * physics model, not a camera). Rates over more sessions: {@link FlashSimulationRates}.
 */
class FlashResponseAnalyzerTest {

    private static final int PER_CLASS = 12;
    private static List<FlashSimulationRates.Outcome> outcomes;

    @BeforeAll
    static void simulate() throws Exception {
        outcomes = FlashSimulationRates.run(PER_CLASS, FlashMode.STANDARD, 20261122L, List.of(Attack.values()));
        System.out.println("FlashResponseAnalyzerTest, STANDARD, " + PER_CLASS + " simulated sessions per class:");
        System.out.print(FlashSimulationRates.report(outcomes));
    }

    private static double followRate(Attack a, String variant) {
        List<FlashSimulationRates.Outcome> l = outcomes.stream()
                .filter(o -> o.attack() == a && (variant == null || o.variant().equals(variant))).toList();
        assertFalse(l.isEmpty(), "no sessions for " + a + " " + variant);
        return l.stream().filter(o -> o.result().outcome() == FlashResult.Outcome.FOLLOWS).count() / (double) l.size();
    }

    @Test
    void liveFacesFollowTheirSequenceAndTheDelayIsFound() {
        assertTrue(followRate(Attack.LIVE, null) >= 0.9, "live pass rate " + followRate(Attack.LIVE, null));
        long closeDelays = outcomes.stream().filter(o -> o.attack() == Attack.LIVE)
                .filter(o -> Math.abs(o.result().delayMs() - o.trueDelayMs()) <= 40).count();
        assertTrue(closeDelays >= 0.9 * PER_CLASS, "delay within 40 ms in " + closeDelays + "/" + PER_CLASS);
        for (var o : outcomes) {
            if (o.attack() != Attack.LIVE) continue;
            assertTrue(o.result().score() >= 0 && o.result().score() <= 1);
            assertTrue(o.result().stepsUsed() >= FlashResponseAnalyzer.MIN_STEPS);
            assertTrue(o.result().signals().containsKey("flash.faceGain"));
        }
    }

    @Test
    void replayOfAnotherSessionIsRefused() {
        assertTrue(followRate(Attack.REPLAY, null) <= 0.1, "replay pass rate " + followRate(Attack.REPLAY, null));
    }

    @Test
    void injectedCleanStreamIsRefused() {
        assertEquals(0.0, followRate(Attack.INJECTED, null), "injected pass rate");
    }

    @Test
    void phoneScreenIsRefused() {
        assertTrue(followRate(Attack.PHONE_SCREEN, null) <= 0.15, "phone pass rate " + followRate(Attack.PHONE_SCREEN, null));
    }

    @Test
    void printFillingTheViewIsRefusedButAFaceSizedPrintIsNotCaughtByTheFlash() {
        assertTrue(followRate(Attack.PRINT, "full-frame") <= 0.1, "full-frame print pass rate");
        // a face-sized print reflects like skin: the flash alone cannot tell (passive PAD must); reported, not hidden
        System.out.printf("face-sized print passes the flash in %.0f%% of sessions%n", 100 * followRate(Attack.PRINT, "cut"));
    }

    @Test
    void expressTimelineIsSkipped() {
        FlashResult r = new FlashResponseAnalyzer().analyze(ColourTimeline.builder(FlashMode.EXPRESS).finish(0), List.of(), List.of());
        assertEquals(FlashResult.Outcome.SKIPPED, r.outcome());
        assertEquals(0.0, r.score());
    }

    @Test
    void withoutFacesOrWithTooFewStepsItIsInconclusive() throws Exception {
        Random rnd = new Random(3);
        var scene = FlashSimulator.scenes().get(0);
        ColourTimeline shown = FlashSimulator.displayed(new ChallengeGenerator().generate(FlashMode.STANDARD), 2_000_000_000L, rnd);
        var s = FlashSimulator.simulate(scene, shown, Attack.LIVE, rnd);
        FlashResponseAnalyzer analyzer = new FlashResponseAnalyzer();
        assertEquals(FlashResult.Outcome.FOLLOWS, analyzer.analyze(shown, s.frames(), s.faces()).outcome());

        List<Face> none = new ArrayList<>(Collections.nCopies(s.frames().size(), (Face) null));
        FlashResult noFace = analyzer.analyze(shown, s.frames(), none);
        assertEquals(FlashResult.Outcome.INCONCLUSIVE, noFace.outcome());
        assertEquals(0.0, noFace.score());

        // the face is lost after the second step: too few usable steps to judge
        long cut = shown.endNanos(1) + 100_000_000L;
        List<Face> early = new ArrayList<>();
        for (int i = 0; i < s.frames().size(); i++) early.add(s.frames().get(i).timeNanos() < cut ? s.faces().get(i) : null);
        FlashResult partial = analyzer.analyze(shown, s.frames(), early);
        assertEquals(FlashResult.Outcome.INCONCLUSIVE, partial.outcome(), partial.signals().toString());
    }

    @Test
    void aLiveStreamJudgedAgainstTheWrongTimelineFails() throws Exception {
        // the same frames, analysed against a different sequence: what a replayed recording looks like from our side
        Random rnd = new Random(11);
        var scene = FlashSimulator.scenes().get(2);
        ChallengeGenerator gen = new ChallengeGenerator();
        int follows = 0;
        for (int i = 0; i < 10; i++) {
            ColourTimeline shown = FlashSimulator.displayed(gen.generate(FlashMode.STANDARD), 2_000_000_000L, rnd);
            ColourTimeline claimed = FlashSimulator.displayed(gen.generate(FlashMode.STANDARD), 2_000_000_000L, rnd);
            var s = FlashSimulator.simulate(scene, shown, Attack.LIVE, rnd);
            if (new FlashResponseAnalyzer().analyze(claimed, s.frames(), s.faces()).outcome() == FlashResult.Outcome.FOLLOWS) follows++;
        }
        assertTrue(follows <= 1, follows + "/10 followed a sequence they never saw");
    }

    @Test
    void theDetectorFindsTheFaceWhereTheSimulatorSaysItIs() throws Exception {
        // the simulator tracks the face it detected once per photo; check that its frames still show that face there
        // (YuNet on a 320x240 frame moves landmarks by up to ~0.2 eye distances between frames by itself)
        Random rnd = new Random(5);
        try (FaceDetector detector = new FaceDetector(TestModels.model("yunet-2023mar.onnx"))) {
            for (int k = 0; k < 3; k++) {
                var scene = FlashSimulator.scenes().get(k * 4);
                ColourTimeline shown = FlashSimulator.displayed(new ChallengeGenerator().generate(FlashMode.STANDARD), 1_000_000_000L, rnd);
                var s = FlashSimulator.simulate(scene, shown, Attack.LIVE, rnd);
                for (int i = 10; i < s.frames().size(); i += 25) {
                    Face tracked = s.faces().get(i);
                    Face found = detector.detect(s.frames().get(i).image()).stream()
                            .max(java.util.Comparator.comparingDouble(f -> f.width() * f.height())).orElseThrow();
                    for (int p = 0; p < 5; p++) {
                        double d = Math.hypot(found.landmarkX(p) - tracked.landmarkX(p), found.landmarkY(p) - tracked.landmarkY(p));
                        assertTrue(d < 0.3 * tracked.interEyeDistance(), scene.file() + " frame " + i + " landmark " + p + " off by " + d);
                    }
                }
            }
        }
    }

    @Test
    void strongExposureAndWhiteBalanceDriftAndJpegFramesDoNotChangeTheVerdict() throws Exception {
        // three times the default drift (exposure ramps up to +-24%, white balance +-9% per channel), and frames
        // that went through JPEG at quality 80 as a session capsule stores them
        Random rnd = new Random(21);
        ChallengeGenerator gen = new ChallengeGenerator(FlashSimulator.seeded(rnd));
        FlashSimulator.Conditions harsh = new FlashSimulator.Conditions(3, 80);
        FlashResponseAnalyzer analyzer = new FlashResponseAnalyzer();
        int live = 0, injected = 0, replay = 0;
        int n = 6;
        for (int i = 0; i < n; i++) {
            var scene = FlashSimulator.scenes().get(i);
            ColourTimeline shown = FlashSimulator.displayed(gen.generate(FlashMode.STANDARD), 2_000_000_000L, rnd);
            var l = FlashSimulator.simulate(scene, shown, Attack.LIVE, rnd, harsh);
            if (analyzer.analyze(shown, l.frames(), l.faces()).outcome() == FlashResult.Outcome.FOLLOWS) live++;
            var in = FlashSimulator.simulate(scene, shown, Attack.INJECTED, rnd, harsh);
            if (analyzer.analyze(shown, in.frames(), in.faces()).outcome() == FlashResult.Outcome.FOLLOWS) injected++;
            var re = FlashSimulator.simulate(scene, shown, Attack.REPLAY, rnd, harsh);
            if (analyzer.analyze(shown, re.frames(), re.faces()).outcome() == FlashResult.Outcome.FOLLOWS) replay++;
        }
        assertTrue(live >= n - 1, "live followed " + live + "/" + n);
        assertEquals(0, injected, "injected followed");
        assertTrue(replay <= 1, "replay followed " + replay + "/" + n);
    }

    @Test
    void mismatchedInputIsRejectedClearly() {
        ColourTimeline t = new ChallengeGenerator().generate(FlashMode.STANDARD).nominalTimeline(0);
        var e = assertThrows(IllegalArgumentException.class, () -> new FlashResponseAnalyzer().analyze(t,
                List.of(new Frame(com.clockface.vision.BgrImage.filled(4, 4, 0, 0, 0), 0)), List.of()));
        assertTrue(e.getMessage().contains("one face entry"), e.getMessage());
    }
}
