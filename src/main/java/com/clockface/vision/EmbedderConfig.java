package com.clockface.vision;

/**
 * How one embedding model wants its input: the alignment template and crop size, colour order and
 * the linear normalisation (pixel - mean) * scale. Read from the model's `params` in models.json, so
 * a new embedder drops in by its entry.
 */
public record EmbedderConfig(String modelId, int inputSize, int dimension, boolean rgb, float mean, float scale,
                             float[] template) {

    public EmbedderConfig {
        if (template == null || template.length != 10) {
            throw new IllegalArgumentException("embedder " + modelId + " needs a 5-point alignment template in models.json");
        }
    }

    public static EmbedderConfig of(ModelSpec spec) {
        return new EmbedderConfig(spec.id(),
                spec.intParam("inputSize", 112),
                spec.intParam("dimension", 512),
                "RGB".equalsIgnoreCase(spec.stringParam("colour", "BGR")),
                (float) spec.param("mean", 0),
                (float) spec.param("scale", 1),
                spec.floatsParam("template"));
    }
}
