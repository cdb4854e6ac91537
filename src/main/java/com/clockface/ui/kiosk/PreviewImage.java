package com.clockface.ui.kiosk;

import com.clockface.liveness.flash.FlashColour;
import com.clockface.vision.BgrImage;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * The live preview as one picture at its size on screen: the camera frame mirrored (the worker sees themself
 * as in a mirror) and scaled (nearest pixel), darkened around the face oval, or during the challenge the flash
 * colour around the oval and a translucent tint inside it. One {@link WritableImage} over a direct int
 * ARGB-premultiplied {@link PixelBuffer}, refilled in place.
 *
 * <p>Why not an ImageView scaled by JavaFX with shapes over it: in the software pipeline (no GPU, Xvfb) a scaled
 * image costs ~13 ms of render thread per 960x720 frame and a translucent full-screen mask ~5 ms more, while
 * an unscaled image in the pipeline's own pixel format is a ~3 ms copy (measured on this project's 2-core
 * machine). Composing here costs a few ms on the FX thread and keeps the preview at camera rate. FX thread only.
 */
final class PreviewImage {
    /** Around the oval: 22 % of the picture over a near-black, as the 78 % opaque mask it replaces. */
    static final int MASK_R = 6, MASK_G = 10, MASK_B = 18, KEEP_256 = 56;
    /** Opacity of the flash colour inside the oval, so the worker still sees themself. */
    static final int FLASH_INSIDE_256 = 77; // 30 %

    private int width, height;
    private IntBuffer buffer;
    private int[] argb;
    private int[] srcX = new int[0];
    private int srcXFor = -1, srcXWidth = -1;
    private PixelBuffer<IntBuffer> pixels;
    private WritableImage image;

    /**
     * Composes the frame into a {@code w x h} picture; the oval is given in picture pixels (centre and half-axes).
     * Returns true when the image object was recreated (a new size).
     */
    boolean compose(BgrImage frame, int w, int h, double cx, double cy, double rx, double ry, FlashColour flash) {
        boolean recreated = false;
        if (image == null || w != width || h != height) {
            width = w;
            height = h;
            buffer = ByteBuffer.allocateDirect(w * h * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
            argb = new int[w * h];
            pixels = new PixelBuffer<>(w, h, buffer, PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(pixels);
            recreated = true;
        }
        composeInto(frame, w, h, cx, cy, rx, ry, flash);
        // the render thread reads the buffer: write it only inside updateBuffer, which holds it off
        pixels.updateBuffer(b -> {
            buffer.put(0, argb);
            return null;
        });
        return recreated;
    }

    private void composeInto(BgrImage frame, int w, int h, double cx, double cy, double rx, double ry, FlashColour flash) {
        int iw = frame.width(), ih = frame.height();
        byte[] bgr = frame.data();
        if (srcXFor != iw || srcXWidth != w) { // mirrored nearest-pixel column of every picture column
            srcX = new int[w];
            for (int x = 0; x < w; x++) srcX[x] = (iw - 1 - Math.min(iw - 1, (int) ((x + 0.5) * iw / w))) * 3;
            srcXFor = iw;
            srcXWidth = w;
        }
        int flashArgb = flash == null ? 0 : 0xFF000000 | flash.r() << 16 | flash.g() << 8 | flash.b();
        int tr = flash == null ? 0 : flash.r() * FLASH_INSIDE_256, tg = flash == null ? 0 : flash.g() * FLASH_INSIDE_256;
        int tb = flash == null ? 0 : flash.b() * FLASH_INSIDE_256;
        int keepInside = 256 - FLASH_INSIDE_256;
        int[] sx = srcX;
        for (int y = 0; y < h; y++) {
            int row = Math.min(ih - 1, (int) ((y + 0.5) * ih / h)) * iw * 3;
            int out = y * w;
            // the oval's span on this row: [x0, x1)
            double dy = (y + 0.5 - cy) / ry;
            int x0 = w, x1 = w;
            if (dy > -1 && dy < 1) {
                double half = rx * Math.sqrt(1 - dy * dy);
                x0 = Math.max(0, Math.min(w, (int) Math.round(cx - half)));
                x1 = Math.max(x0, Math.min(w, (int) Math.round(cx + half)));
            }
            if (flash != null) {
                Arrays.fill(argb, out, out + x0, flashArgb);
                for (int x = x0; x < x1; x++) {
                    int s = row + sx[x];
                    int r = ((bgr[s + 2] & 0xFF) * keepInside + tr) >> 8;
                    int g = ((bgr[s + 1] & 0xFF) * keepInside + tg) >> 8;
                    int b = ((bgr[s] & 0xFF) * keepInside + tb) >> 8;
                    argb[out + x] = 0xFF000000 | r << 16 | g << 8 | b;
                }
                Arrays.fill(argb, out + x1, out + w, flashArgb);
            } else {
                darken(bgr, row, sx, argb, out, 0, x0);
                for (int x = x0; x < x1; x++) {
                    int s = row + sx[x];
                    argb[out + x] = 0xFF000000 | (bgr[s + 2] & 0xFF) << 16 | (bgr[s + 1] & 0xFF) << 8 | (bgr[s] & 0xFF);
                }
                darken(bgr, row, sx, argb, out, x1, w);
            }
        }
    }

    private static void darken(byte[] bgr, int row, int[] sx, int[] argb, int out, int from, int to) {
        for (int x = from; x < to; x++) {
            int s = row + sx[x];
            int r = MASK_R + ((bgr[s + 2] & 0xFF) * KEEP_256 >> 8);
            int g = MASK_G + ((bgr[s + 1] & 0xFF) * KEEP_256 >> 8);
            int b = MASK_B + ((bgr[s] & 0xFF) * KEEP_256 >> 8);
            argb[out + x] = 0xFF000000 | r << 16 | g << 8 | b;
        }
    }

    WritableImage image() { return image; }

    int width() { return width; }

    int height() { return height; }

    /** The composed pixel at (x, y) of the picture, ARGB (tests). */
    int pixel(int x, int y) { return argb[y * width + x]; }

    /** A still copy of a BGR image (result-card photo), mirrored like the preview. */
    static WritableImage still(BgrImage img) {
        int w = img.width(), h = img.height();
        byte[] bgr = img.data();
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int s = (y * w + w - 1 - x) * 3;
                argb[y * w + x] = 0xFF000000 | (bgr[s + 2] & 0xFF) << 16 | (bgr[s + 1] & 0xFF) << 8 | (bgr[s] & 0xFF);
            }
        }
        WritableImage copy = new WritableImage(w, h);
        copy.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), argb, 0, w);
        return copy;
    }
}
