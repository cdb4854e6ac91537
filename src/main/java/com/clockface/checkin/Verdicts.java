package com.clockface.checkin;

import com.clockface.liveness.flash.FlashResult;
import com.clockface.liveness.injection.SignalResult;
import com.clockface.vision.BgrImage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON and JPEG helpers shared by the service, capsules and the CLI. */
final class Verdicts {
    private Verdicts() {}

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** NaN and infinities are not JSON: they become null. */
    static Object clean(Object v) {
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) return null;
        if (v instanceof Float f && (f.isNaN() || f.isInfinite())) return null;
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), clean(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) out.add(clean(x));
            return out;
        }
        return v;
    }

    static String json(Object v) {
        try {
            return JSON.writeValueAsString(clean(v));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The signals of one attempt: fused liveness signals, per-frame passive scores, flash and injection details. */
    static Map<String, Object> signals(CheckinResult r, SessionCapture c, LivenessAssessor.Assessment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("liveness", new LinkedHashMap<>(r.liveness().signals()));
        m.put("frames", c.frames().size());
        m.put("face_frames", c.faceCount());
        m.put("challenge_steps", c.timeline().size());
        m.put("flash_mode", c.timeline().mode().name());
        m.put("complete", c.complete());
        m.put("cancellations", c.cancellations());
        if (a != null) {
            List<Double> ps = new ArrayList<>();
            for (double d : a.passiveScores()) ps.add(d);
            m.put("pad_frame_scores", ps);
            FlashResult f = a.flash();
            if (f != null) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("outcome", f.outcome().name());
                fm.put("score", f.score());
                fm.put("delay_ms", f.delayMs());
                fm.put("face_correlation", f.faceCorrelation());
                fm.put("background_correlation", f.backgroundCorrelation());
                fm.put("steps_used", f.stepsUsed());
                m.put("flash", fm);
            }
            if (a.injection() != null) {
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("risk", a.injection().risk());
                im.put("fps", a.injection().measuredFps());
                List<String> fired = new ArrayList<>();
                for (SignalResult s : a.injection().signals()) if (s.fired()) fired.add(s.signal().name() + ": " + s.detail());
                im.put("fired", fired);
                m.put("injection", im);
            }
        }
        return m;
    }

    static byte[] jpeg(BgrImage img, float quality) {
        try {
            ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bos)) {
                w.setOutput(out);
                ImageWriteParam p = w.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality);
                w.write(null, new IIOImage(img.toBufferedImage(), null, null), p);
            } finally {
                w.dispose();
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a JPEG", e);
        }
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
