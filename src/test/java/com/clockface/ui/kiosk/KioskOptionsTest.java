package com.clockface.ui.kiosk;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class KioskOptionsTest {

    @Test
    void parsesAllOptionsInBothForms() {
        KioskOptions o = KioskOptions.parse(List.of("--home", "/tmp/h", "--camera=file:/v/a.webm", "--windowed"));
        assertEquals(Path.of("/tmp/h"), o.home());
        assertEquals("file:/v/a.webm", o.camera());
        assertTrue(o.windowed());
        assertTrue(o.testSource());
    }

    @Test
    void defaultsToFullScreenAndTheConfiguredCamera() {
        KioskOptions o = KioskOptions.parse(List.of());
        assertNull(o.home());
        assertNull(o.camera());
        assertFalse(o.windowed());
        assertFalse(o.testSource());
        assertFalse(KioskOptions.parse(List.of("--camera", "Logitech C920")).testSource());
    }

    @Test
    void rejectsUnknownOptionsAndMissingValuesWithTheUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KioskOptions.parse(List.of("--fullscreen")));
        assertTrue(e.getMessage().contains("--fullscreen") && e.getMessage().contains("Usage"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KioskOptions.parse(List.of("--home")));
        assertTrue(e.getMessage().contains("--home needs a value"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KioskOptions.parse(List.of("--camera", "--windowed")));
    }

    @Test
    void flashStepIsComputedFromElapsedTime() {
        var seq = new com.clockface.liveness.flash.ColourSequence(com.clockface.liveness.flash.FlashMode.STANDARD, List.of(
                new com.clockface.liveness.flash.ColourStep(com.clockface.liveness.flash.FlashColour.RED, 200),
                new com.clockface.liveness.flash.ColourStep(com.clockface.liveness.flash.FlashColour.BLUE, 300)));
        assertEquals(-1, FlashPlayer.stepAt(seq, -1));
        assertEquals(0, FlashPlayer.stepAt(seq, 0));
        assertEquals(0, FlashPlayer.stepAt(seq, 199));
        assertEquals(1, FlashPlayer.stepAt(seq, 200));
        assertEquals(1, FlashPlayer.stepAt(seq, 499));
        assertEquals(2, FlashPlayer.stepAt(seq, 500), "past the end: the resting step, reported too");
    }
}
