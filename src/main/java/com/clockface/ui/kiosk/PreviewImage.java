package com.clockface.ui.kiosk;

import com.clockface.vision.BgrImage;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.nio.ByteBuffer;

/**
 * The mirrored live preview: one {@link WritableImage} backed by a {@link PixelBuffer} over a direct
 * BGRA buffer, refilled in place from the newest BGR frame (no new image per frame). FX thread only.
 */
final class PreviewImage {
    private int width, height;
    private ByteBuffer buffer;
    private byte[] row;
    private PixelBuffer<ByteBuffer> pixels;
    private WritableImage image;

    /** Copies the frame mirrored (the worker sees themself as in a mirror); returns true when the image was recreated. */
    boolean show(BgrImage frame) {
        boolean recreated = false;
        if (image == null || frame.width() != width || frame.height() != height) {
            width = frame.width();
            height = frame.height();
            buffer = ByteBuffer.allocateDirect(width * height * 4);
            row = new byte[width * 4];
            pixels = new PixelBuffer<>(width, height, buffer, PixelFormat.getByteBgraPreInstance());
            image = new WritableImage(pixels);
            recreated = true;
        }
        // the render thread reads the buffer: write it only inside updateBuffer, which holds it off
        pixels.updateBuffer(b -> {
            mirrorToBgra(frame.data(), width, height, buffer, row);
            return null;
        });
        return recreated;
    }

    static void mirrorToBgra(byte[] bgr, int w, int h, ByteBuffer out, byte[] row) {
        for (int y = 0; y < h; y++) {
            int src = (y * w + w - 1) * 3;
            for (int x = 0, d = 0; x < w; x++, d += 4, src -= 3) {
                row[d] = bgr[src];
                row[d + 1] = bgr[src + 1];
                row[d + 2] = bgr[src + 2];
                row[d + 3] = (byte) 0xFF;
            }
            out.put(y * w * 4, row); // absolute: position and limit never change
        }
    }

    WritableImage image() { return image; }

    int width() { return width; }

    int height() { return height; }

    /** A still copy of a BGR image (result-card photo), mirrored like the preview. */
    static WritableImage still(BgrImage img) {
        int w = img.width(), h = img.height();
        ByteBuffer buf = ByteBuffer.allocate(w * h * 4);
        mirrorToBgra(img.data(), w, h, buf, new byte[w * 4]);
        WritableImage copy = new WritableImage(w, h);
        copy.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getByteBgraPreInstance(), buf, w * 4);
        return copy;
    }
}
