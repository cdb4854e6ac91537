package com.clockface.vision;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one embedding model wants its input: the alignment template and crop size, colour order and
 * the linear normalisation (pixel - mean) * scale. Read from the model's `params` in models.json, so
 * a new embedder drops in by its entry.
 */
public record EmbedderConfig(String modelId, int inputSize, int dimension, boolean rgb, float mean, float scale,
                             float[] template) {

    public EmbedderConfig {
        if (template.length != 10) throw new IllegalArgumentException("an alignment template needs 5 points");
    }

    public static EmbedderConfig fromParams(String modelId, JsonNode params) {
        JsonNode t = params.get("template");
        float[] template = new float[t.size()];
        for (int i = 0; i < template.length; i++) template[i] = (float) t.get(i).asDouble();
        return new EmbedderConfig(modelId,
                params.get("inputSize").asInt(),
                params.get("dimension").asInt(),
                "RGB".equalsIgnoreCase(params.path("colour").asText("BGR")),
                (float) params.path("mean").asDouble(0),
                (float) params.path("scale").asDouble(1),
                template);
    }
}
