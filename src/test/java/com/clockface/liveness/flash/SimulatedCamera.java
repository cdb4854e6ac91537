package com.clockface.liveness.flash;

import com.clockface.vision.Frame;

import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * A public door to the test-side {@link FlashSimulator} for other packages' tests (the check-in session runs
 * whole simulated sessions through it). Nothing here changes the simulation.
 */
public final class SimulatedCamera {
    private SimulatedCamera() {}

    /** LIVE, REPLAY, PRINT, PHONE_SCREEN, INJECTED. */
    public static List<String> presentations() {
        return java.util.Arrays.stream(FlashSimulator.Attack.values()).map(Enum::name).toList();
    }

    public static int sceneCount() throws IOException {
        return FlashSimulator.scenes().size();
    }

    /** What a 60 Hz screen reports when it shows {@code plan} from {@code startNanos}. */
    public static ColourTimeline displayed(ColourSequence plan, long startNanos, Random rnd) {
        return FlashSimulator.displayed(plan, startNanos, rnd);
    }

    /** A seeded generator, for reproducible runs. */
    public static ChallengeGenerator generator(Random rnd) {
        return new ChallengeGenerator(FlashSimulator.seeded(rnd));
    }

    /** The camera frames of one simulated presentation of scene {@code scene} under the shown timeline. */
    public static List<Frame> frames(int scene, ColourTimeline shown, String presentation, Random rnd) throws IOException {
        List<FlashSimulator.Scene> scenes = FlashSimulator.scenes();
        FlashSimulator.Session s = FlashSimulator.simulate(scenes.get(scene % scenes.size()), shown,
                FlashSimulator.Attack.valueOf(presentation), rnd);
        return s.frames();
    }
}
