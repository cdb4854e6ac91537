package com.clockface.ui.kiosk;

import com.clockface.liveness.flash.FlashColour;
import com.clockface.vision.BgrImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import static org.junit.jupiter.api.Assertions.*;

/** The composed preview picture: mirrored, scaled, darkened around the oval, flash colour around it. */
class PreviewImageTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // a WritableImage needs the JavaFX toolkit
    }

    /** 4x2 frame: left half red, right half blue (BGR). */
    private static BgrImage halves() {
        byte[] d = new byte[4 * 2 * 3];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                int i = (y * 4 + x) * 3;
                if (x < 2) d[i + 2] = (byte) 200; else d[i] = (byte) 200;
            }
        }
        return new BgrImage(4, 2, d);
    }

    /** PixelBuffer updates belong to the FX thread. */
    private static void onFx(Runnable r) throws Exception {
        org.testfx.util.WaitForAsyncUtils.asyncFx(r).get();
    }

    @Test
    void thePictureIsMirroredScaledAndDarkenedAroundTheOval() throws Exception {
        onFx(this::mirroredScaledDarkened);
    }

    private void mirroredScaledDarkened() {
        PreviewImage p = new PreviewImage();
        // 8x4 picture; oval centred, covering columns 2..5 of rows 1..2
        assertTrue(p.compose(halves(), 8, 4, 4, 2, 2, 1.9, null));
        assertEquals(8, p.width());
        assertEquals(4, p.height());
        // inside the oval the camera's colours as they are, mirrored: the frame's right (blue) half is on the left
        assertEquals(0xFF0000C8, p.pixel(3, 2), "left of centre shows the frame's right half, unchanged");
        assertEquals(0xFFC80000, p.pixel(4, 2), "right of centre shows the frame's left half");
        // outside: 22 % of the picture over near-black
        int dark = p.pixel(0, 0);
        assertEquals(PreviewImage.MASK_B + (200 * PreviewImage.KEEP_256 >> 8), dark & 0xFF);
        assertEquals(PreviewImage.MASK_R, dark >> 16 & 0xFF);
        assertFalse(p.compose(halves(), 8, 4, 4, 2, 2, 1.9, null), "same size: the image is refilled in place");
    }

    @Test
    void theFlashColourCoversTheOutsideAndTintsTheInside() throws Exception {
        onFx(this::flashAround);
    }

    private void flashAround() {
        PreviewImage p = new PreviewImage();
        FlashColour green = new FlashColour("green", 0, 255, 0);
        p.compose(halves(), 8, 4, 4, 2, 2, 1.9, green);
        assertEquals(0xFF00FF00, p.pixel(0, 0), "around the oval: the challenge colour itself");
        assertEquals(0xFF00FF00, p.pixel(7, 3));
        int inside = p.pixel(3, 2); // blue 200 in the frame, 30 % green over it
        assertEquals((200 * (256 - PreviewImage.FLASH_INSIDE_256)) >> 8, inside & 0xFF, "the worker still sees themself");
        assertEquals((255 * PreviewImage.FLASH_INSIDE_256) >> 8, inside >> 8 & 0xFF, "tinted by the colour");
    }
}
