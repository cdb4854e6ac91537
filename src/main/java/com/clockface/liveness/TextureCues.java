package com.clockface.liveness;

import com.clockface.vision.BgrImage;
import com.clockface.vision.Face;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cheap hand-made cues of a reproduced face, computed on the face square resized to 64x64:
 * colour (prints lose saturation and chroma spread; screens shift it), micro-texture (uniform-LBP
 * entropy of luma), sharpness (Laplacian vs gradient energy), specular highlights and the share of
 * high spatial frequencies (screen moiré, print halftone). Each is one number, so a fusion over them
 * keeps few parameters. About 1 ms per face.
 */
public final class TextureCues {
    static final int N = 64;

    private TextureCues() {}

    /** Every cue. */
    public static Map<String, Double> compute(BgrImage image, Face face) {
        return compute(image, face, null);
    }

    /** The cues named in {@code wanted} (null = all); the spectral one costs most, so it is skipped when not asked for. */
    public static Map<String, Double> compute(BgrImage image, Face face, java.util.Collection<String> wanted) {
        BgrImage patch = facePatch(image, face);
        byte[] d = patch.data();
        double[] y = new double[N * N];
        double satSum = 0, crSum = 0, crSq = 0, cbSum = 0, cbSq = 0;
        int spec = 0;
        for (int i = 0; i < N * N; i++) {
            double b = d[3 * i] & 0xFF, g = d[3 * i + 1] & 0xFF, r = d[3 * i + 2] & 0xFF;
            double lum = 0.299 * r + 0.587 * g + 0.114 * b;
            y[i] = lum;
            double max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b));
            satSum += max == 0 ? 0 : (max - min) / max;
            double cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
            double cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
            crSum += cr; crSq += cr * cr; cbSum += cb; cbSq += cb * cb;
            if (lum >= 245) spec++;
        }
        int n = N * N;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("sat_mean", satSum / n);
        m.put("cr_std", Math.sqrt(Math.max(0, crSq / n - (crSum / n) * (crSum / n))));
        m.put("cb_std", Math.sqrt(Math.max(0, cbSq / n - (cbSum / n) * (cbSum / n))));
        m.put("spec_frac", (double) spec / n);
        if (wanted == null || wanted.contains("lbp_entropy")) m.put("lbp_entropy", lbpEntropy(y));
        m.put("hf_ratio", sharpness(y));
        if (wanted == null || wanted.contains("moire")) m.put("moire", highFrequencyShare(y));
        return m;
    }

    /** The square around the face box (side = the longer box side), clipped, resized to 64x64. */
    static BgrImage facePatch(BgrImage image, Face face) {
        double side = Math.max(face.width(), face.height());
        int x = (int) Math.round(face.centerX() - side / 2), y = (int) Math.round(face.centerY() - side / 2);
        int s = Math.max(2, (int) Math.round(side));
        x = Math.max(0, Math.min(x, image.width() - 2));
        y = Math.max(0, Math.min(y, image.height() - 2));
        return image.crop(x, y, s, s).resize(N, N);
    }

    /** Entropy (bits) of the 8-neighbour uniform LBP histogram (58 uniform codes + 1 bin for the rest). */
    static double lbpEntropy(double[] y) {
        int[] bin = uniformBins();
        int[] hist = new int[59];
        int[] dx = {-1, 0, 1, 1, 1, 0, -1, -1}, dy = {-1, -1, -1, 0, 1, 1, 1, 0};
        int total = 0;
        for (int r = 1; r < N - 1; r++) {
            for (int c = 1; c < N - 1; c++) {
                double centre = y[r * N + c];
                int code = 0;
                for (int k = 0; k < 8; k++) if (y[(r + dy[k]) * N + c + dx[k]] >= centre) code |= 1 << k;
                hist[bin[code]]++;
                total++;
            }
        }
        double e = 0;
        for (int h : hist) if (h > 0) { double p = (double) h / total; e -= p * Math.log(p) / Math.log(2); }
        return e;
    }

    private static int[] uniformBins() {
        int[] bin = new int[256];
        int next = 0;
        for (int code = 0; code < 256; code++) {
            int transitions = Integer.bitCount((code ^ ((code << 1) | (code >>> 7))) & 0xFF);
            bin[code] = transitions <= 2 ? next++ : -1;
        }
        for (int code = 0; code < 256; code++) if (bin[code] < 0) bin[code] = 58;
        return bin;
    }

    /** Mean |Laplacian| over mean |gradient|: fine detail relative to edges (reproduction blurs or adds grain). */
    static double sharpness(double[] y) {
        double lap = 0, grad = 0;
        for (int r = 1; r < N - 1; r++) {
            for (int c = 1; c < N - 1; c++) {
                int i = r * N + c;
                lap += Math.abs(4 * y[i] - y[i - 1] - y[i + 1] - y[i - N] - y[i + N]);
                grad += Math.abs(y[i + 1] - y[i - 1]) + Math.abs(y[i + N] - y[i - N]);
            }
        }
        return lap / (grad + 1e-6);
    }

    /** Share of spectral energy (DC removed) above half the Nyquist frequency, by a separable DFT. */
    static double highFrequencyShare(double[] y) {
        double mean = 0;
        for (double v : y) mean += v;
        mean /= y.length;
        double[] cos = new double[N * N], sin = new double[N * N];
        for (int k = 0; k < N; k++) {
            for (int x = 0; x < N; x++) {
                double a = 2 * Math.PI * k * x / N;
                cos[k * N + x] = Math.cos(a);
                sin[k * N + x] = Math.sin(a);
            }
        }
        // rows first
        double[] re = new double[N * N], im = new double[N * N];
        for (int r = 0; r < N; r++) {
            for (int k = 0; k < N; k++) {
                double sr = 0, si = 0;
                for (int x = 0; x < N; x++) {
                    double v = y[r * N + x] - mean;
                    sr += v * cos[k * N + x];
                    si -= v * sin[k * N + x];
                }
                re[r * N + k] = sr;
                im[r * N + k] = si;
            }
        }
        double high = 0, all = 0;
        for (int k = 0; k < N; k++) {          // column frequency
            int fk = Math.min(k, N - k);
            for (int l = 0; l < N; l++) {      // row frequency
                int fl = Math.min(l, N - l);
                double sr = 0, si = 0;
                for (int r = 0; r < N; r++) {
                    double c = cos[l * N + r], s = sin[l * N + r];
                    double a = re[r * N + k], b = im[r * N + k];
                    sr += a * c + b * s;
                    si += b * c - a * s;
                }
                double e = sr * sr + si * si;
                all += e;
                if (Math.max(fk, fl) > N / 4) high += e;
            }
        }
        return all <= 0 ? 0 : high / all;
    }
}
