package com.clockface.checkin;

import com.clockface.liveness.LivenessProfile;
import com.clockface.liveness.LivenessResult;
import com.clockface.liveness.PassiveLivenessScorer;
import com.clockface.store.Crypto;
import com.clockface.liveness.flash.ColourTimeline;
import com.clockface.vision.BgrImage;
import com.clockface.vision.CameraInfo;
import com.clockface.vision.Face;
import com.clockface.vision.Frame;
import com.clockface.vision.ImageDecoder;
import com.clockface.vision.ImageException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A finished session as one zip, enough to recompute its liveness verdict without the kiosk:
 * <pre>
 *   capsule.json    format, camera info, the check-in settings in force, per frame: file, time, tracked face
 *   timeline.json   the colour timeline the screen reported (ColourTimeline JSON)
 *   verdict.json    what the kiosk decided (same shape as {@code clockface checkin --json})
 *   frames/NNNNN.jpg the captured frames, JPEG quality 95
 * </pre>
 * The tracked faces are stored, not re-detected, so a re-analysis scores exactly the face boxes the session used.
 * JPEG is lossy, so recomputed scores differ from the recorded ones by a little (measured: README); a re-analysis
 * agrees when the liveness outcome is the same and the score within {@link #SCORE_TOLERANCE}.
 *
 * <p>The kiosk keeps its capsules sealed ({@link #writeSealed}): the zip encrypted with the data folder's key
 * (AES-256-GCM, {@link Crypto}), since its frames are biometric data. An explicit export
 * ({@code clockface checkin --capsule OUT.zip}, for a bug report) is a plain zip.
 */
public final class SessionCapsule {

    public static final String FORMAT = "clockface-capsule/1";
    public static final double SCORE_TOLERANCE = 0.05;
    static final float JPEG_QUALITY = 0.95f;

    /** A capsule read back. */
    public record Contents(SessionCapture capture, Map<String, String> settings, JsonNode verdict) {
        public CheckinSettings checkinSettings() {
            return CheckinSettings.fromProperties(settings::get);
        }
    }

    /** The re-analysis and whether it agrees with what was recorded. */
    public record Reanalysis(JsonNode recorded, LivenessResult recomputed, String recordedOutcome, double recordedScore,
                             boolean agrees) { }

    private SessionCapsule() {}

    /** Marks a sealed capsule file (followed by the {@link Crypto} blob of the zip). */
    static final byte[] SEALED_MAGIC = "CFCAPS1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final String SEAL_PURPOSE = "capsule";

    /** Writes a plain zip atomically (temp file, then move), so a crash never leaves half a capsule under the final name. */
    public static void write(Path file, SessionCapture c, CheckinResult result, CheckinSettings settings,
                             LivenessAssessor.Assessment a) throws IOException {
        writeAtomically(file, toZip(c, result, settings, a));
    }

    /** Writes the capsule encrypted with {@code crypto} (the kiosk's own capsules: its frames are biometric data). */
    public static void writeSealed(Path file, SessionCapture c, CheckinResult result, CheckinSettings settings,
                                   LivenessAssessor.Assessment a, Crypto crypto) throws IOException {
        byte[] sealed = crypto.encrypt(toZip(c, result, settings, a), SEAL_PURPOSE);
        byte[] out = new byte[SEALED_MAGIC.length + sealed.length];
        System.arraycopy(SEALED_MAGIC, 0, out, 0, SEALED_MAGIC.length);
        System.arraycopy(sealed, 0, out, SEALED_MAGIC.length, sealed.length);
        writeAtomically(file, out);
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".capsule", ".part");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The capsule as zip bytes (in memory: a sealed capsule never touches the disk in the clear). */
    static byte[] toZip(SessionCapture c, CheckinResult result, CheckinSettings settings,
                        LivenessAssessor.Assessment a) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("format", FORMAT);
            meta.put("created", Instant.now().toString());
            CameraInfo cam = c.camera();
            if (cam != null) {
                meta.put("camera", Map.of("name", cam.name(), "api", cam.api(), "width", cam.width(), "height", cam.height(),
                        "nominal_fps", cam.nominalFps(), "test_source", cam.testSource()));
            }
            meta.put("settings", settings.toProperties());
            meta.put("complete", c.complete());
            meta.put("cancellations", c.cancellations());
            long[] camTimes = c.cameraTimes();
            if (camTimes.length > 0) meta.put("camera_times_nanos", camTimes);
            List<Map<String, Object>> frames = new ArrayList<>();
            for (int i = 0; i < c.frames().size(); i++) {
                String name = String.format(Locale.ROOT, "frames/%05d.jpg", i);
                zip.putNextEntry(new ZipEntry(name));
                zip.write(Verdicts.jpeg(c.frames().get(i).image(), JPEG_QUALITY));
                zip.closeEntry();
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("file", name);
                fm.put("time_nanos", c.frames().get(i).timeNanos());
                Face f = c.faces().get(i);
                if (f != null) {
                    List<Float> lm = new ArrayList<>();
                    for (float v : f.landmarks()) lm.add(v);
                    fm.put("face", Map.of("x", f.x(), "y", f.y(), "w", f.width(), "h", f.height(), "score", f.score(), "landmarks", lm));
                }
                frames.add(fm);
            }
            meta.put("frames", frames);
            put(zip, "capsule.json", Verdicts.json(meta));
            put(zip, "timeline.json", c.timeline().toJson());
            put(zip, "verdict.json", Verdicts.json(verdictJson(result, c, a)));
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The verdict as the CLI prints it: decision, message, liveness {score, outcome, signals}, match {person, name, score}. */
    public static Map<String, Object> verdictJson(CheckinResult r, SessionCapture c, LivenessAssessor.Assessment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decision", r.decision().name());
        m.put("message", r.message());
        Map<String, Object> live = new LinkedHashMap<>();
        live.put("score", r.liveness().score());
        live.put("outcome", r.liveness().outcome().name());
        live.put("signals", new LinkedHashMap<>(r.liveness().signals()));
        if (r.liveness().reason() != null) live.put("reason", r.liveness().reason());
        m.put("liveness", live);
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("person", r.match() == null ? null : r.match().employeeNo());
        match.put("person_id", r.match() == null ? null : r.match().personId());
        match.put("name", r.match() == null ? null : r.match().name());
        match.put("score", r.match() == null ? null : r.match().score());
        m.put("match", match);
        Map<String, Object> punch = null;
        if (r.punch() != null) {
            punch = new LinkedHashMap<>();
            punch.put("id", r.punch().id());
            punch.put("kind", r.punch().kind().name());
            punch.put("at", r.punch().at().toString());
            punch.put("status", r.punch().status().name());
        }
        m.put("punch", punch);
        m.put("check_event", r.checkEventId());
        m.put("at", r.at() == null ? null : r.at().toString());
        if (c != null) m.put("details", Verdicts.signals(r, c, a));
        @SuppressWarnings("unchecked") Map<String, Object> clean = (Map<String, Object>) Verdicts.clean(m);
        return clean;
    }

    /** The value with NaN/infinite numbers as null, ready for any JSON writer. */
    public static Object jsonSafe(Object v) {
        return Verdicts.clean(v);
    }

    /** Reads a plain capsule; a sealed one or a file that is not a capsule gives an IOException saying what is wrong. */
    public static Contents read(Path file) throws IOException {
        return read(file, null);
    }

    /** Whether the file is a sealed (encrypted) capsule. */
    public static boolean isSealed(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(SEALED_MAGIC.length), SEALED_MAGIC);
        }
    }

    /**
     * Reads a capsule, plain or sealed; {@code crypto} (the data folder's key) opens a sealed one and may be null
     * for plain ones. Nothing is written to disk in the clear.
     */
    public static Contents read(Path file, Crypto crypto) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("The capsule " + file + " does not exist or is not a file.");
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length >= SEALED_MAGIC.length && java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, SEALED_MAGIC.length), SEALED_MAGIC)) {
            if (crypto == null) {
                throw new IOException("The capsule " + file + " is encrypted with a kiosk's key: give that kiosk's data folder "
                        + "(--home DIR) to open it.");
            }
            try {
                bytes = crypto.decrypt(java.util.Arrays.copyOfRange(bytes, SEALED_MAGIC.length, bytes.length), SEAL_PURPOSE);
            } catch (com.clockface.store.StoreException e) {
                throw new IOException("The capsule " + file + " cannot be opened with this data folder's key (" + e.getMessage() + ")", e);
            }
        }
        return parse(unzip(bytes, file), file);
    }

    private static Map<String, byte[]> unzip(byte[] zip, Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (!e.isDirectory()) entries.put(e.getName(), in.readAllBytes());
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + " is not a ClockFace session capsule (" + e.getMessage() + ").", e);
        }
        if (entries.isEmpty()) throw new IOException(file + " is not a ClockFace session capsule (not a zip file).");
        return entries;
    }

    private static Contents parse(Map<String, byte[]> zip, Path file) throws IOException {
        JsonNode meta = readJson(zip, "capsule.json", file);
        if (!FORMAT.equals(meta.path("format").asText())) {
            throw new IOException(file + " is not a ClockFace session capsule (format '" + meta.path("format").asText() + "').");
        }
        JsonNode verdict = readJson(zip, "verdict.json", file);
        ColourTimeline timeline;
        try {
            timeline = ColourTimeline.fromJson(text(zip, "timeline.json", file));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        JsonNode cam = meta.path("camera");
        CameraInfo camera = cam.isMissingNode() ? null : new CameraInfo(cam.path("name").asText(), cam.path("api").asText(),
                cam.path("width").asInt(), cam.path("height").asInt(), cam.path("nominal_fps").asDouble(), cam.path("test_source").asBoolean());
        List<Frame> frames = new ArrayList<>();
        List<Face> faces = new ArrayList<>();
        for (JsonNode fm : meta.path("frames")) {
            String name = fm.path("file").asText();
            byte[] jpeg = zip.get(name);
            if (jpeg == null) throw new IOException(file + " is missing the frame " + name + ".");
            BgrImage img;
            try {
                img = ImageDecoder.decode(jpeg, name);
            } catch (ImageException ex) {
                throw new IOException(file + ": the frame " + name + " cannot be decoded (" + ex.getMessage() + ").", ex);
            }
            frames.add(new Frame(img, fm.path("time_nanos").asLong()));
            JsonNode f = fm.path("face");
            if (f.isMissingNode() || f.isNull()) {
                faces.add(null);
            } else {
                float[] lm = new float[10];
                for (int i = 0; i < 10; i++) lm[i] = (float) f.path("landmarks").path(i).asDouble();
                faces.add(new Face((float) f.path("x").asDouble(), (float) f.path("y").asDouble(), (float) f.path("w").asDouble(),
                        (float) f.path("h").asDouble(), (float) f.path("score").asDouble(), lm));
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        meta.path("settings").fields().forEachRemaining(en -> settings.put(en.getKey(), en.getValue().asText()));
        long[] camTimes = new long[meta.path("camera_times_nanos").size()];
        for (int i = 0; i < camTimes.length; i++) camTimes[i] = meta.path("camera_times_nanos").path(i).asLong();
        SessionCapture capture = new SessionCapture(camera, frames, faces, timeline,
                meta.path("complete").asBoolean(true), meta.path("cancellations").asInt(), camTimes);
        return new Contents(capture, settings, verdict);
    }

    /** Recomputes the liveness verdict from the capsule alone, with the settings stored in it. */
    public static Reanalysis analyze(Contents contents, PassiveLivenessScorer passive) {
        LivenessProfile profile = contents.checkinSettings().profile();
        LivenessAssessor.Assessment a = new LivenessAssessor(passive).assess(contents.capture(), profile);
        JsonNode rec = contents.verdict();
        String outcome = rec.path("liveness").path("outcome").asText();
        double score = rec.path("liveness").path("score").asDouble();
        LivenessResult now = a.liveness();
        boolean agrees = now.outcome().name().equals(outcome) && Math.abs(now.score() - score) <= SCORE_TOLERANCE;
        return new Reanalysis(rec, now, outcome, score, agrees);
    }

    private static JsonNode readJson(Map<String, byte[]> zip, String name, Path file) throws IOException {
        try {
            return Verdicts.JSON.readTree(text(zip, name, file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": " + name + " is not valid JSON (" + e.getOriginalMessage() + ").", e);
        }
    }

    private static String text(Map<String, byte[]> zip, String name, Path file) throws IOException {
        byte[] b = zip.get(name);
        if (b == null) throw new IOException(file + " is not a ClockFace session capsule: it has no " + name + ".");
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
