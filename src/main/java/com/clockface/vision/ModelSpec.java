package com.clockface.vision;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of models/models.json.
 *
 * @param id             stable model id, stored with every template
 * @param file           file name inside the model directory
 * @param role           detector, pad, embedder, ...
 * @param sha256         lowercase hex sha256 of {@code file}
 * @param bytes          expected size, or -1 when unknown
 * @param license        licence text for the about box / doctor
 * @param url            upstream download URL (for OpenVINO IR: the .xml; the .bin sits beside it)
 * @param upstreamFormat null for a plain file, "openvino-ir" when the upstream must be converted to ONNX
 * @param isDefault      the default model of its role
 * @param params         model-specific preprocessing parameters (numbers, strings, lists of numbers)
 * @param conversion     for a converted upstream: the names the converter writes into the ONNX file, so its
 *                       output is byte-identical to the file {@code sha256} describes (graphName, docString,
 *                       producerName); empty otherwise
 */
public record ModelSpec(String id, String file, String role, String sha256, long bytes, String license,
                        String url, String upstreamFormat, boolean isDefault, Map<String, Object> params,
                        Map<String, String> conversion) {

    public static final String OPENVINO_IR = "openvino-ir";

    public ModelSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        if (file.contains("/") || file.contains("\\") || file.contains("..")) {
            throw new IllegalArgumentException("model file must be a plain file name: " + file);
        }
        sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
        params = params == null ? Map.of() : Map.copyOf(params);
        conversion = conversion == null ? Map.of() : Map.copyOf(conversion);
    }

    public ModelSpec(String id, String file, String role, String sha256, long bytes, String license,
                     String url, String upstreamFormat, boolean isDefault, Map<String, Object> params) {
        this(id, file, role, sha256, bytes, license, url, upstreamFormat, isDefault, params, Map.of());
    }

    public boolean isOpenVinoIr() { return OPENVINO_IR.equals(upstreamFormat); }

    public double param(String name, double fallback) {
        Object v = params.get(name);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    public int intParam(String name, int fallback) {
        Object v = params.get(name);
        return v instanceof Number n ? n.intValue() : fallback;
    }

    public String stringParam(String name, String fallback) {
        Object v = params.get(name);
        return v == null ? fallback : v.toString();
    }

    /** A list-of-numbers parameter (e.g. the alignment template), or null when absent. */
    public float[] floatsParam(String name) {
        if (!(params.get(name) instanceof List<?> list)) return null;
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) list.get(i)).floatValue();
        return out;
    }
}
