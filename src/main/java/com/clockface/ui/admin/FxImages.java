package com.clockface.ui.admin;

import com.clockface.vision.BgrImage;
import java.nio.ByteBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** BGR images (frames, face crops) as JavaFX images, in memory only. */
final class FxImages {
    private FxImages() { }

    static WritableImage of(BgrImage img) {
        int w = img.width(), h = img.height();
        byte[] bgr = img.data();
        byte[] bgra = new byte[w * h * 4];
        for (int i = 0, j = 0; i < w * h; i++, j += 3) {
            bgra[i * 4] = bgr[j];
            bgra[i * 4 + 1] = bgr[j + 1];
            bgra[i * 4 + 2] = bgr[j + 2];
            bgra[i * 4 + 3] = (byte) 0xFF;
        }
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getByteBgraPreInstance(), ByteBuffer.wrap(bgra), w * 4);
        return out;
    }
}
