package com.clockface.liveness.flash;

import static org.junit.jupiter.api.Assertions.*;

import com.clockface.liveness.flash.PhotosensitivityCheck.TimedColour;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhotosensitivityCheckTest {

    private static final FlashColour BLACK = new FlashColour("black", 0, 0, 0);
    private static final FlashColour FULL_WHITE = new FlashColour("white", 255, 255, 255);

    /** Alternates two colours every {@code stepMs} for {@code steps} steps. */
    private static List<TimedColour> alternate(FlashColour a, FlashColour b, int stepMs, int steps) {
        List<TimedColour> s = new ArrayList<>();
        for (int i = 0; i < steps; i++) s.add(new TimedColour(i * stepMs * 1_000_000L, i % 2 == 0 ? a : b));
        return s;
    }

    @Test
    void relativeLuminanceAndRedFollowWcagFormulas() {
        assertEquals(1.0, FULL_WHITE.relativeLuminance(), 1e-9);
        assertEquals(0.2126, FlashColour.RED.relativeLuminance(), 1e-9);
        assertEquals(1.0, FlashColour.RED.redRatio(), 1e-9);
        assertEquals(320.0, FlashColour.RED.redValue(), 1e-9);
        assertEquals(0.5, FlashColour.MAGENTA.redRatio(), 1e-9);
        assertEquals(0.0, FlashColour.MAGENTA.redValue(), 1e-9);
    }

    @Test
    void blackWhiteTenTimesASecondFails() {
        var r = PhotosensitivityCheck.check(alternate(BLACK, FULL_WHITE, 100, 20));
        assertFalse(r.passes());
        assertTrue(r.maxGeneralTransitions() >= 10, "transitions " + r.maxGeneralTransitions());
    }

    @Test
    void blackWhiteFourTimesASecondPasses() {
        var r = PhotosensitivityCheck.check(alternate(BLACK, FULL_WHITE, 250, 20));
        assertTrue(r.passes(), r.toString());
        assertEquals(5, r.maxGeneralTransitions()); // changes at 0,250,...,1000 ms in one closed window
    }

    @Test
    void sevenTransitionsInASecondIsOverThreeFlashes() {
        // 1000/6 ms steps: 7 changes fit one closed 1 s window
        List<TimedColour> s = new ArrayList<>();
        for (int i = 0; i < 8; i++) s.add(new TimedColour(Math.round(i * 1e9 / 6), i % 2 == 0 ? BLACK : FULL_WHITE));
        var r = PhotosensitivityCheck.check(s);
        assertEquals(7, r.maxGeneralTransitions());
        assertFalse(r.passes());
    }

    @Test
    void changesAmongBrightStatesAreNotGeneralFlashes() {
        FlashColour light = new FlashColour("light", 240, 240, 240); // L = 0.87: the darker state is above 0.80
        var r = PhotosensitivityCheck.check(alternate(light, FULL_WHITE, 50, 40));
        assertEquals(0, r.maxGeneralTransitions());
        assertTrue(r.passes());
    }

    @Test
    void smallLuminanceChangesAreNotFlashes() {
        FlashColour a = new FlashColour("a", 100, 100, 100), b = new FlashColour("b", 120, 120, 120); // dL ~ 0.06
        assertEquals(0, PhotosensitivityCheck.check(alternate(a, b, 50, 40)).maxGeneralTransitions());
    }

    @Test
    void redAgainstEqualLuminanceGreyIsARedFlashOnly() {
        FlashColour grey = new FlashColour("grey", 128, 128, 128); // L 0.216 vs red 0.213
        var r = PhotosensitivityCheck.check(alternate(FlashColour.RED, grey, 100, 20));
        assertEquals(0, r.maxGeneralTransitions());
        assertTrue(r.maxRedTransitions() > 6);
        assertFalse(r.passes());
    }

    @Test
    void magentaIsNotASaturatedRed() {
        FlashColour grey = new FlashColour("grey", 150, 150, 150);
        var r = PhotosensitivityCheck.check(alternate(FlashColour.MAGENTA, grey, 100, 20));
        assertEquals(0, r.maxRedTransitions());
    }

    @Test
    void aRampInSmallStepsIsOneTransition() {
        List<TimedColour> s = new ArrayList<>();
        int[] levels = {0, 60, 90, 120, 150, 180, 210, 255, 0};
        for (int i = 0; i < levels.length; i++) {
            s.add(new TimedColour(i * 50_000_000L, new FlashColour("g" + i, levels[i], levels[i], levels[i])));
        }
        var r = PhotosensitivityCheck.check(s);
        assertEquals(2, r.generalTransitions()); // one long rise, one fall
        assertTrue(r.passes());
    }

    @Test
    void timelineIsFramedByTheRestingColour() {
        // a single white step on a black surround is a rise and a fall: one flash
        var t = ColourTimeline.builder(FlashMode.STANDARD).painted(FULL_WHITE, 0).finish(300_000_000L);
        var r = PhotosensitivityCheck.check(t, BLACK);
        assertEquals(2, r.generalTransitions());
        assertEquals(1.0, r.maxGeneralFlashes());
    }
}
