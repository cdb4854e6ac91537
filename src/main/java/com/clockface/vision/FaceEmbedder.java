package com.clockface.vision;

import java.nio.file.Path;

/**
 * Turns a detected face into an L2-normalised embedding: 5-point alignment onto the model's own
 * template, then the ONNX model. Embeddings of different model ids are never comparable, so the
 * model id travels with every template.
 */
public final class FaceEmbedder implements AutoCloseable {
    private final EmbedderConfig config;
    private final OnnxModel model;

    public FaceEmbedder(EmbedderConfig config, Path modelFile) {
        this.config = config;
        this.model = new OnnxModel(config.modelId(), modelFile);
    }

    public String modelId() { return config.modelId(); }
    public int dimension() { return config.dimension(); }
    public EmbedderConfig config() { return config; }

    public BgrImage align(BgrImage image, Face face) {
        return FaceAligner.align(image, face.landmarks(), config.template(), config.inputSize());
    }

    public float[] embed(BgrImage image, Face face) {
        return embedAligned(align(image, face));
    }

    /** Embedding of an already aligned crop of inputSize x inputSize. */
    public float[] embedAligned(BgrImage aligned) {
        int n = config.inputSize();
        if (aligned.width() != n || aligned.height() != n) {
            throw new IllegalArgumentException("aligned face must be " + n + "x" + n);
        }
        float[] input = new float[3 * n * n];
        byte[] d = aligned.data();
        int plane = n * n;
        float mean = config.mean(), scale = config.scale();
        for (int i = 0; i < plane; i++) {
            float b = d[3 * i] & 0xFF, g = d[3 * i + 1] & 0xFF, r = d[3 * i + 2] & 0xFF;
            float c0 = config.rgb() ? r : b, c2 = config.rgb() ? b : r;
            input[i] = (c0 - mean) * scale;
            input[plane + i] = (g - mean) * scale;
            input[2 * plane + i] = (c2 - mean) * scale;
        }
        float[] out = model.run(input, new long[] {1, 3, n, n})[0];
        return l2normalise(out);
    }

    public static float[] l2normalise(float[] v) {
        double s = 0;
        for (float x : v) s += x * x;
        float inv = s > 0 ? (float) (1 / Math.sqrt(s)) : 0f;
        float[] o = new float[v.length];
        for (int i = 0; i < v.length; i++) o[i] = v[i] * inv;
        return o;
    }

    /** Cosine of two L2-normalised embeddings. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("embeddings of different sizes cannot be compared");
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @Override
    public void close() {
        model.close();
    }
}
