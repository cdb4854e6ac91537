package com.clockface.eval;

import com.clockface.vision.BgrImage;

/** Padding for tight face crops, which need room around them before detection and context-crop scoring. */
final class Padding {
    private Padding() {}

    /** padX black columns left and right, padY black rows above and below. */
    static BgrImage black(BgrImage img, int padX, int padY) {
        int w = img.width(), nw = w + 2 * padX, nh = img.height() + 2 * padY;
        byte[] s = img.data(), d = new byte[nw * nh * 3];
        for (int y = 0; y < img.height(); y++) {
            System.arraycopy(s, y * w * 3, d, ((y + padY) * nw + padX) * 3, w * 3);
        }
        return new BgrImage(nw, nh, d);
    }

    static BgrImage replicate(BgrImage img, int pad) {
        return replicate(img, pad, pad);
    }

    /** padX columns left and right, padY rows above and below, each a copy of the nearest edge pixel. */
    static BgrImage replicate(BgrImage img, int padX, int padY) {
        int w = img.width(), h = img.height(), nw = w + 2 * padX, nh = h + 2 * padY;
        byte[] s = img.data(), d = new byte[nw * nh * 3];
        for (int y = 0; y < nh; y++) {
            int sy = Math.min(h - 1, Math.max(0, y - padY));
            for (int x = 0; x < nw; x++) {
                int sx = Math.min(w - 1, Math.max(0, x - padX));
                int si = (sy * w + sx) * 3, di = (y * nw + x) * 3;
                d[di] = s[si];
                d[di + 1] = s[si + 1];
                d[di + 2] = s[si + 2];
            }
        }
        return new BgrImage(nw, nh, d);
    }
}
