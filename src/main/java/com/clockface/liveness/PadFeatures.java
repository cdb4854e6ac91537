package com.clockface.liveness;

import com.clockface.vision.BgrImage;
import com.clockface.vision.Face;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named per-face measurements a liveness fusion can use. Model features are P(real) of one
 * MiniFASNet on one crop: {@code v2} (scale 2.7) and {@code v1se} (4.0) are the published pair,
 * {@code _flip} the mirrored crop, {@code _sX} another context scale. Texture features come from
 * {@link TextureCues}. Only the requested names are computed, so the kiosk pays for what it uses.
 */
public final class PadFeatures {
    /** Everything the evaluation measures (and caches) per face. */
    public static final List<String> ALL = List.of(
            "v2", "v1se", "v2_flip", "v1se_flip", "v2_s2.0", "v2_s3.5", "v1se_s3.0", "v1se_s5.0",
            "sat_mean", "cr_std", "cb_std", "spec_frac", "lbp_entropy", "hf_ratio", "moire");

    private PadFeatures() {}

    public static Map<String, Double> compute(PassiveLiveness pair, BgrImage image, Face face, List<String> names) {
        Map<String, Double> out = new LinkedHashMap<>();
        Map<String, Double> texture = null;
        for (String n : names) {
            if (n.startsWith("v2") || n.startsWith("v1se")) {
                boolean v2 = n.startsWith("v2");
                boolean flip = n.endsWith("_flip");
                float scale = v2 ? 2.7f : 4.0f;
                int s = n.indexOf("_s");
                if (s >= 0) scale = Float.parseFloat(n.substring(s + 2));
                out.put(n, v2 ? pair.v2(image, face, scale, flip) : pair.v1se(image, face, scale, flip));
            } else {
                if (texture == null) texture = TextureCues.compute(image, face, names);
                Double v = texture.get(n);
                if (v == null) throw new IllegalArgumentException("unknown liveness feature '" + n + "'");
                out.put(n, v);
            }
        }
        return out;
    }
}
