package com.clockface.liveness.flash;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColourTimelineTest {

    private static ColourTimeline sample() {
        return ColourTimeline.builder(FlashMode.STANDARD)
                .painted(FlashColour.RED, 1_000_000_000L)
                .painted(FlashColour.CYAN, 1_316_000_000L)
                .painted(FlashColour.WHITE, 1_583_000_000L)
                .finish(1_900_000_000L);
    }

    @Test
    void jsonRoundTripKeepsEverything(@TempDir Path dir) throws Exception {
        ColourTimeline t = sample();
        String json = t.toJson();
        assertTrue(json.contains("\"paintedNanos\" : 1316000000"), json);
        assertEquals(t, ColourTimeline.fromJson(json));
        Path f = dir.resolve("timeline.json");
        t.write(f);
        assertEquals(t, ColourTimeline.read(f));
    }

    @Test
    void expressTimelineIsEmpty() {
        ColourTimeline t = ColourTimeline.builder(FlashMode.EXPRESS).finish(0);
        assertEquals(t, ColourTimeline.fromJson(t.toJson()));
        assertEquals(-1, t.indexAt(0));
    }

    @Test
    void nominalTimelineFollowsThePlan() {
        ColourSequence s = new ChallengeGenerator().generate(FlashMode.STANDARD);
        ColourTimeline t = s.nominalTimeline(5_000_000_000L);
        assertEquals(s.size(), t.size());
        assertEquals(5_000_000_000L + s.totalMillis() * 1_000_000L, t.endNanos());
        for (int i = 0; i < s.size(); i++) assertEquals(s.steps().get(i).colour(), t.colour(i));
    }

    @Test
    void indexAtFindsTheStepOnScreen() {
        ColourTimeline t = sample();
        assertEquals(-1, t.indexAt(999_999_999L));
        assertEquals(0, t.indexAt(1_000_000_000L));
        assertEquals(0, t.indexAt(1_315_999_999L));
        assertEquals(1, t.indexAt(1_316_000_000L));
        assertEquals(2, t.indexAt(1_899_999_999L));
        assertEquals(-1, t.indexAt(1_900_000_000L));
        assertEquals(FlashColour.NEUTRAL, t.colourAt(2_000_000_000L, FlashColour.NEUTRAL));
        assertEquals(317_000_000L, t.endNanos(2) - t.startNanos(2));
        assertEquals(1_583_000_000L, t.endNanos(1));
    }

    @Test
    void badJsonGivesAClearError(@TempDir Path dir) throws Exception {
        var e1 = assertThrows(IllegalArgumentException.class, () -> ColourTimeline.fromJson("{not json"));
        assertTrue(e1.getMessage().startsWith("not a valid colour timeline"), e1.getMessage());
        String backwards = sample().toJson().replace("1316000000", "900000000");
        var e2 = assertThrows(IllegalArgumentException.class, () -> ColourTimeline.fromJson(backwards));
        assertTrue(e2.getMessage().contains("not after step 0"), e2.getMessage());
        String badColour = sample().toJson().replaceFirst("\"r\" : 255", "\"r\" : 300");
        var e3 = assertThrows(IllegalArgumentException.class, () -> ColourTimeline.fromJson(badColour));
        assertTrue(e3.getMessage().contains("0..255"), e3.getMessage());
        Path f = dir.resolve("t.json");
        Files.writeString(f, "[]");
        var e4 = assertThrows(IllegalArgumentException.class, () -> ColourTimeline.read(f));
        assertTrue(e4.getMessage().startsWith(f.toString()), e4.getMessage());
    }
}
