package com.clockface.vision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * YuNet (libfacedetection 2023mar, fixed 640x640 input): face boxes and 5 landmarks.
 * The frame is letterboxed (scaled to fit, placed top-left, zero-padded), fed as raw BGR 0..255,
 * and the three stride heads are decoded as OpenCV's FaceDetectorYN does, then NMS at IoU 0.3.
 */
public final class FaceDetector implements AutoCloseable {
    public static final int INPUT = 640;
    private static final int[] STRIDES = {8, 16, 32};
    private static final float NMS_IOU = 0.3f;

    private final OnnxModel model;
    private final float scoreThreshold;
    private final int[][] outputIndex; // [stride][cls, obj, bbox, kps]

    /** @param scoreThreshold 0.6 suits a kiosk camera; OpenCV's default is 0.9 */
    public FaceDetector(Path modelFile, float scoreThreshold) {
        this.model = new OnnxModel("yunet-2023mar", modelFile);
        this.scoreThreshold = scoreThreshold;
        List<String> names = model.outputNames();
        outputIndex = new int[STRIDES.length][4];
        String[] heads = {"cls", "obj", "bbox", "kps"};
        for (int s = 0; s < STRIDES.length; s++) {
            for (int h = 0; h < 4; h++) {
                int i = names.indexOf(heads[h] + "_" + STRIDES[s]);
                if (i < 0) throw new IllegalStateException("YuNet output " + heads[h] + "_" + STRIDES[s] + " missing: " + names);
                outputIndex[s][h] = i;
            }
        }
    }

    public FaceDetector(Path modelFile) {
        this(modelFile, 0.6f);
    }

    /** All faces in the image, highest score first, in image coordinates. */
    public List<Face> detect(BgrImage image) {
        float s = Math.min((float) INPUT / image.width(), (float) INPUT / image.height());
        int rw = Math.max(1, Math.min(INPUT, Math.round(image.width() * s)));
        int rh = Math.max(1, Math.min(INPUT, Math.round(image.height() * s)));
        BgrImage resized = (rw == image.width() && rh == image.height()) ? image : image.resize(rw, rh);
        float[] input = new float[3 * INPUT * INPUT];
        byte[] d = resized.data();
        int plane = INPUT * INPUT;
        for (int y = 0; y < rh; y++) {
            int src = y * rw * 3, dst = y * INPUT;
            for (int x = 0; x < rw; x++, src += 3) {
                input[dst + x] = d[src] & 0xFF;
                input[plane + dst + x] = d[src + 1] & 0xFF;
                input[2 * plane + dst + x] = d[src + 2] & 0xFF;
            }
        }
        float[][] out = model.run(input, new long[] {1, 3, INPUT, INPUT});
        List<Face> candidates = new ArrayList<>();
        for (int si = 0; si < STRIDES.length; si++) {
            int k = STRIDES[si], cols = INPUT / k;
            float[] cls = out[outputIndex[si][0]], obj = out[outputIndex[si][1]];
            float[] box = out[outputIndex[si][2]], kps = out[outputIndex[si][3]];
            for (int idx = 0; idx < cls.length; idx++) {
                float score = (float) Math.sqrt(clamp01(cls[idx]) * clamp01(obj[idx]));
                if (score < scoreThreshold) continue;
                int row = idx / cols, col = idx % cols;
                float cx = (col + box[idx * 4]) * k, cy = (row + box[idx * 4 + 1]) * k;
                float w = (float) Math.exp(box[idx * 4 + 2]) * k, h = (float) Math.exp(box[idx * 4 + 3]) * k;
                float[] lm = new float[10];
                for (int i = 0; i < 5; i++) {
                    lm[2 * i] = (kps[idx * 10 + 2 * i] + col) * k / s;
                    lm[2 * i + 1] = (kps[idx * 10 + 2 * i + 1] + row) * k / s;
                }
                candidates.add(new Face((cx - w / 2) / s, (cy - h / 2) / s, w / s, h / s, score, lm));
            }
        }
        return nms(candidates);
    }

    private static float clamp01(float v) {
        return v < 0 ? 0 : Math.min(v, 1);
    }

    private static List<Face> nms(List<Face> faces) {
        faces.sort(Comparator.comparingDouble(Face::score).reversed());
        List<Face> kept = new ArrayList<>();
        for (Face f : faces) {
            boolean overlaps = false;
            for (Face k : kept) {
                if (iou(f, k) > NMS_IOU) { overlaps = true; break; }
            }
            if (!overlaps) kept.add(f);
        }
        return kept;
    }

    static float iou(Face a, Face b) {
        float x1 = Math.max(a.x(), b.x()), y1 = Math.max(a.y(), b.y());
        float x2 = Math.min(a.x() + a.width(), b.x() + b.width()), y2 = Math.min(a.y() + a.height(), b.y() + b.height());
        float inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
        float union = a.width() * a.height() + b.width() * b.height() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    @Override
    public void close() {
        model.close();
    }
}
