package com.clockface.vision;

/**
 * Warps a face onto an embedder's 5-point template with a similarity transform (rotation, uniform
 * scale, translation; no reflection) fitted by least squares (Umeyama), sampling bilinearly.
 */
public final class FaceAligner {
    private FaceAligner() {}

    /**
     * @param template the 5 template points x0,y0,...,x4,y4 in the output crop
     * @param size     output width and height
     */
    public static BgrImage align(BgrImage image, float[] landmarks, float[] template, int size) {
        double[] m = similarity(landmarks, template); // maps source -> template: [a, -b, tx; b, a, ty]
        double a = m[0], b = m[1], tx = m[2], ty = m[3];
        // Invert for backward mapping: src = R^-1 (dst - t) / scale
        double det = a * a + b * b;
        double ia = a / det, ib = -b / det;
        byte[] src = image.data();
        int w = image.width(), h = image.height();
        byte[] out = new byte[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = x - tx, dy = y - ty;
                double sx = ia * dx - ib * dy;
                double sy = ib * dx + ia * dy;
                int o = (y * size + x) * 3;
                int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
                if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) continue; // border stays black, like cv2 warpAffine
                double fx = sx - x0, fy = sy - y0;
                int p00 = (y0 * w + x0) * 3, p01 = p00 + 3, p10 = p00 + w * 3, p11 = p10 + 3;
                for (int c = 0; c < 3; c++) {
                    double v = (src[p00 + c] & 0xFF) * (1 - fx) * (1 - fy) + (src[p01 + c] & 0xFF) * fx * (1 - fy)
                            + (src[p10 + c] & 0xFF) * (1 - fx) * fy + (src[p11 + c] & 0xFF) * fx * fy;
                    out[o + c] = (byte) Math.round(v);
                }
            }
        }
        return new BgrImage(size, size, out);
    }

    /**
     * Least-squares similarity transform from src points to dst points (Umeyama 1991 for 2-D).
     * Returns {a, b, tx, ty} with dst = [a -b; b a] * src + t.
     */
    static double[] similarity(float[] src, float[] dst) {
        int n = src.length / 2;
        double msx = 0, msy = 0, mdx = 0, mdy = 0;
        for (int i = 0; i < n; i++) {
            msx += src[2 * i]; msy += src[2 * i + 1];
            mdx += dst[2 * i]; mdy += dst[2 * i + 1];
        }
        msx /= n; msy /= n; mdx /= n; mdy /= n;
        double sxx = 0, sxy = 0, var = 0;
        for (int i = 0; i < n; i++) {
            double px = src[2 * i] - msx, py = src[2 * i + 1] - msy;
            double qx = dst[2 * i] - mdx, qy = dst[2 * i + 1] - mdy;
            sxx += px * qx + py * qy;   // sum of dot products
            sxy += px * qy - py * qx;   // sum of cross products
            var += px * px + py * py;
        }
        if (var == 0) throw new IllegalArgumentException("degenerate landmarks");
        double a = sxx / var, b = sxy / var;
        double tx = mdx - (a * msx - b * msy);
        double ty = mdy - (b * msx + a * msy);
        return new double[] {a, b, tx, ty};
    }
}
