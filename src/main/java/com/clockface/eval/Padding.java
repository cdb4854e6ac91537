package com.clockface.eval;

import com.clockface.vision.BgrImage;

/** Edge-replicating padding: tight face crops need context around them before detection. */
final class Padding {
    private Padding() {}

    static BgrImage replicate(BgrImage img, int pad) {
        return replicate(img, pad, pad);
    }

    /** padX columns left and right, padY rows above and below. */
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
