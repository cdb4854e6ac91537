package com.clockface.checkin;

import com.clockface.vision.BgrImage;
import com.clockface.vision.ImageDecoder;
import com.clockface.vision.TestModels;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Camera-sized frames composed from a real NUAA webcam photo: moved, scaled, doubled. */
final class TestFrames {
    private TestFrames() {}

    /** A NUAA live frame, 640x480, one frontal face roughly in the middle. */
    static BgrImage nuaa() throws Exception {
        return ImageDecoder.read(TestModels.data().resolve("spoof/live/00001.jpg"));
    }

    static Path nuaaFile(String name) {
        return TestModels.data().resolve("spoof/live").resolve(name);
    }

    /** The photo scaled by {@code scale} about the frame centre and moved by (dx, dy), on a grey canvas. */
    static BgrImage transformed(BgrImage photo, double scale, int dx, int dy) {
        int w = photo.width(), h = photo.height();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(120, 120, 120));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int sw = (int) Math.round(w * scale), sh = (int) Math.round(h * scale);
        g.drawImage(photo.toBufferedImage(), (w - sw) / 2 + dx, (h - sh) / 2 + dy, sw, sh, null);
        g.dispose();
        return BgrImage.fromBufferedImage(out);
    }

    /** Two copies of the photo side by side at {@code scale}: two people in front of the kiosk. */
    static BgrImage twoFaces(BgrImage photo, double scale) {
        int w = photo.width(), h = photo.height();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(120, 120, 120));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int sw = (int) Math.round(w * scale), sh = (int) Math.round(h * scale);
        BufferedImage src = photo.toBufferedImage();
        g.drawImage(src, w / 4 - sw / 2, (h - sh) / 2, sw, sh, null);
        g.drawImage(src, 3 * w / 4 - sw / 2, (h - sh) / 2, sw, sh, null);
        g.dispose();
        return BgrImage.fromBufferedImage(out);
    }

    static BgrImage grey(int w, int h) {
        return BgrImage.filled(w, h, 120, 120, 120);
    }

    /** The photo with every pixel scaled by {@code gain} (darker below 1). */
    static BgrImage gain(BgrImage photo, double gain) {
        byte[] d = photo.data().clone();
        for (int i = 0; i < d.length; i++) d[i] = (byte) Math.min(255, Math.round((d[i] & 0xFF) * gain));
        return new BgrImage(photo.width(), photo.height(), d);
    }

    /** A box blur of radius r (a moving or out-of-focus face). */
    static BgrImage blurred(BgrImage photo, int r) {
        int w = photo.width(), h = photo.height();
        byte[] s = photo.data(), tmp = new byte[s.length], out = new byte[s.length];
        for (int pass = 0; pass < 2; pass++) {
            byte[] in = pass == 0 ? s : tmp, dst = pass == 0 ? tmp : out;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        int sum = 0, n = 0;
                        for (int k = -r; k <= r; k++) {
                            int xx = pass == 0 ? Math.min(w - 1, Math.max(0, x + k)) : x;
                            int yy = pass == 1 ? Math.min(h - 1, Math.max(0, y + k)) : y;
                            sum += in[(yy * w + xx) * 3 + c] & 0xFF;
                            n++;
                        }
                        dst[(y * w + x) * 3 + c] = (byte) (sum / n);
                    }
                }
            }
        }
        return new BgrImage(w, h, out);
    }
}
