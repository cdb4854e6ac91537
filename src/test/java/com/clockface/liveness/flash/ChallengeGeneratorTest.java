package com.clockface.liveness.flash;

import static org.junit.jupiter.api.Assertions.*;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChallengeGeneratorTest {

    private final ChallengeGenerator generator = new ChallengeGenerator(new SecureRandom());

    @Test
    void standardSequencesHaveTheAgreedShapeAndAreSafe() {
        Map<Integer, Integer> lengths = new HashMap<>();
        for (int k = 0; k < 10_000; k++) {
            ColourSequence s = generator.generate(FlashMode.STANDARD);
            assertEquals(FlashMode.STANDARD, s.mode());
            assertTrue(s.size() >= 5 && s.size() <= 8, "steps " + s.size());
            assertTrue(s.totalMillis() >= 1900 && s.totalMillis() <= 2300, "total " + s.totalMillis());
            checkCommon(s, ChallengeGenerator.STANDARD_PALETTE, 250);
            lengths.merge(s.size(), 1, Integer::sum);
        }
        assertEquals(Set.of(5, 6, 7, 8), lengths.keySet(), "every length 5..8 occurs");
    }

    @Test
    void gentleSequencesAreSofterAndSlower() {
        double maxLuminanceSpread = 0;
        for (int k = 0; k < 10_000; k++) {
            ColourSequence s = generator.generate(FlashMode.GENTLE);
            assertTrue(s.size() >= 5 && s.size() <= 6, "steps " + s.size());
            assertTrue(s.totalMillis() >= 2400 && s.totalMillis() <= 3200, "total " + s.totalMillis());
            checkCommon(s, ChallengeGenerator.GENTLE_PALETTE, 400);
            for (ColourStep st : s.steps()) {
                maxLuminanceSpread = Math.max(maxLuminanceSpread, Math.abs(st.colour().relativeLuminance() - 0.3));
            }
        }
        double standardSpread = ChallengeGenerator.STANDARD_PALETTE.stream()
                .mapToDouble(c -> c.relativeLuminance()).max().getAsDouble()
                - ChallengeGenerator.STANDARD_PALETTE.stream().mapToDouble(c -> c.relativeLuminance()).min().getAsDouble();
        double gentleSpread = ChallengeGenerator.GENTLE_PALETTE.stream()
                .mapToDouble(c -> c.relativeLuminance()).max().getAsDouble()
                - ChallengeGenerator.GENTLE_PALETTE.stream().mapToDouble(c -> c.relativeLuminance()).min().getAsDouble();
        assertTrue(gentleSpread < 0.6 * standardSpread, "gentle contrast " + gentleSpread + " vs " + standardSpread);
    }

    @Test
    void expressShowsNothing() {
        ColourSequence s = generator.generate(FlashMode.EXPRESS);
        assertTrue(s.isEmpty());
        assertEquals(0, s.totalMillis());
    }

    private static void checkCommon(ColourSequence s, List<FlashColour> palette, int minStepMs) {
        for (int i = 0; i < s.size(); i++) {
            ColourStep st = s.steps().get(i);
            assertTrue(palette.contains(st.colour()), "palette colour " + st.colour());
            assertTrue(st.durationMillis() >= minStepMs, "step " + st.durationMillis());
            if (i > 0) assertNotEquals(s.steps().get(i - 1).colour(), st.colour(), "neighbours differ");
        }
        assertTrue(new HashSet<>(s.steps().stream().map(ColourStep::colour).toList()).size() >= 4);
        var r = PhotosensitivityCheck.check(s, FlashColour.NEUTRAL);
        assertTrue(r.passes(), "WCAG 2.3.1: " + r + " for " + s);
        assertTrue(r.maxGeneralFlashes() <= 3 && r.maxRedFlashes() <= 3);
    }

    @Test
    void sequencesStaySafeWhenTheScreenLandsSwitchesOnItsRefresh() {
        // the screen paints each switch on the next 60 Hz pulse (about +-8 ms): the shown timeline must stay safe
        Random jitter = new Random(7);
        for (FlashMode mode : List.of(FlashMode.STANDARD, FlashMode.GENTLE)) {
            for (int k = 0; k < 2_000; k++) {
                ColourSequence s = generator.generate(mode);
                ColourTimeline.Builder b = ColourTimeline.builder(mode);
                long phase = jitter.nextInt(16_667_000);
                long last = Long.MIN_VALUE;
                for (int i = 0; i < s.size(); i++) {
                    long nominal = s.startMillis(i) * 1_000_000L;
                    long painted = ((nominal + phase) / 16_666_667L + 1) * 16_666_667L - phase + jitter.nextInt(8_000_000) - 4_000_000;
                    painted = Math.max(painted, last + 1);
                    b.painted(s.steps().get(i).colour(), painted);
                    last = painted;
                }
                ColourTimeline t = b.finish(last + s.steps().get(s.size() - 1).durationMillis() * 1_000_000L);
                assertTrue(PhotosensitivityCheck.check(t, FlashColour.NEUTRAL).passes(), s.toString());
            }
        }
    }

    @Test
    void thousandSequencesAreAllDistinct() {
        Set<List<ColourStep>> seen = new HashSet<>();
        Map<FlashColour, Integer> firstColour = new HashMap<>();
        for (int k = 0; k < 1_000; k++) {
            ColourSequence s = generator.generate(FlashMode.STANDARD);
            assertTrue(seen.add(s.steps()), "sequence repeated: " + s);
            firstColour.merge(s.steps().get(0).colour(), 1, Integer::sum);
        }
        // every palette colour opens some sequences, none dominates (expected ~143 each)
        assertEquals(ChallengeGenerator.STANDARD_PALETTE.size(), firstColour.size());
        firstColour.values().forEach(n -> assertTrue(n > 70 && n < 230, "first colour counts " + firstColour));
    }

    @Test
    void degenerateChromaIsRejected() {
        // red and cyan lie on one line through the chroma origin with white; add one more colour on that line
        FlashColour darkCyan = new FlashColour("dark-cyan", 0, 128, 128);
        assertFalse(ChallengeGenerator.spansChromaPlane(List.of(FlashColour.RED, FlashColour.CYAN, FlashColour.WHITE, darkCyan, FlashColour.RED)));
        assertTrue(ChallengeGenerator.spansChromaPlane(List.of(FlashColour.RED, FlashColour.GREEN, FlashColour.BLUE, FlashColour.YELLOW)));
    }
}
