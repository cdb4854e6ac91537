package com.clockface.liveness;

import com.clockface.vision.BgrImage;
import com.clockface.vision.Face;
import com.clockface.vision.OnnxModel;

import java.nio.file.Path;

/**
 * Single-frame presentation-attack detection with the MiniFASNet pair (Silent-Face-Anti-Spoofing):
 * V2 on a 2.7x context crop and V1SE on a 4.0x crop, each 80x80 raw BGR, softmax, class 1 = real.
 * The score is the mean of the two P(real), in [0,1], exactly as the official demo sums them.
 */
public final class PassiveLiveness implements AutoCloseable {
    static final int SIZE = 80;
    static final int REAL = 1;

    private final OnnxModel v2;
    private final OnnxModel v1se;

    public PassiveLiveness(Path v2File, Path v1seFile) {
        this.v2 = new OnnxModel("minifasnet-v2-80", v2File);
        this.v1se = new OnnxModel("minifasnet-v1se-80", v1seFile);
    }

    /** P(real) of each model and their mean. */
    public record Scores(double v2, double v1se) {
        public double mean() { return (v2 + v1se) / 2; }
    }

    public Scores score(BgrImage image, Face face) {
        double p2 = realProbability(v2, crop(image, face, 2.7f));
        double p1 = realProbability(v1se, crop(image, face, 4.0f));
        return new Scores(p2, p1);
    }

    /** P(real) of V2 on a crop of the given context scale, optionally mirrored (test-time augmentation). */
    public double v2(BgrImage image, Face face, float scale, boolean mirrored) {
        BgrImage c = crop(image, face, scale);
        return realProbability(v2, mirrored ? c.flipHorizontal() : c);
    }

    /** P(real) of V1SE on a crop of the given context scale, optionally mirrored. */
    public double v1se(BgrImage image, Face face, float scale, boolean mirrored) {
        BgrImage c = crop(image, face, scale);
        return realProbability(v1se, mirrored ? c.flipHorizontal() : c);
    }

    static double realProbability(OnnxModel model, BgrImage crop) {
        float[] input = new float[3 * SIZE * SIZE];
        byte[] d = crop.data();
        int plane = SIZE * SIZE;
        for (int i = 0; i < plane; i++) {
            input[i] = d[3 * i] & 0xFF;
            input[plane + i] = d[3 * i + 1] & 0xFF;
            input[2 * plane + i] = d[3 * i + 2] & 0xFF;
        }
        float[] logits = model.run(input, new long[] {1, 3, SIZE, SIZE})[0];
        return softmax(logits)[REAL];
    }

    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) max = Math.max(max, l);
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < logits.length; i++) { p[i] = Math.exp(logits[i] - max); sum += p[i]; }
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return p;
    }

    /** The official CropImage rule: a box scaled about its centre, shifted back inside the frame. */
    static BgrImage crop(BgrImage img, Face face, float maxScale) {
        int W = img.width(), H = img.height();
        double w = face.width(), h = face.height();
        double scale = Math.min(Math.min((H - 1) / h, (W - 1) / w), maxScale);
        double cx = face.x() + w / 2, cy = face.y() + h / 2;
        double nw = w * scale, nh = h * scale;
        double l = cx - nw / 2, t = cy - nh / 2, r = cx + nw / 2, b = cy + nh / 2;
        if (l < 0) { r -= l; l = 0; }
        if (t < 0) { b -= t; t = 0; }
        if (r > W - 1) { l -= r - W + 1; r = W - 1; }
        if (b > H - 1) { t -= b - H + 1; b = H - 1; }
        int x0 = Math.max(0, (int) l), y0 = Math.max(0, (int) t);
        int x1 = Math.min(W - 1, (int) r), y1 = Math.min(H - 1, (int) b);
        return img.crop(x0, y0, x1 - x0 + 1, y1 - y0 + 1).resize(SIZE, SIZE);
    }

    @Override
    public void close() {
        v2.close();
        v1se.close();
    }
}
