package com.clockface.liveness.flash;

import com.clockface.vision.BgrImage;
import com.clockface.vision.Face;
import com.clockface.vision.FaceDetector;
import com.clockface.vision.Frame;
import com.clockface.vision.TestModels;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Test-side physics model: turns a real NUAA webcam photo into a 30 fps camera stream seen while the kiosk
 * flashes a colour timeline. It is a model of the physics, not a camera: light adds linearly in sRGB-linear
 * space, the face is an ellipse that reflects the screen in proportion to its own albedo, things further
 * from the face reflect less, the scene moves as one rigid image (camera shake, not head rotation), and
 * there are no specular highlights, rolling shutter, compression or real auto-exposure firmware.
 *
 * <p>Per frame (timestamp t, camera delay D, exposure E): screen light S = mean linear colour shown over
 * [t-D-E, t-D]; pixel' = gainAE(t) * gainWB_c(t) * (pixel * (1 + k * w(p) * S_c) + a * u(p) * S_c) + noise,
 * where pixel is the photo in linear light, w the reflection weight map and u the additive (glass) map of
 * the presentation. Auto-exposure and auto-white-balance drift slowly on their own and partly undo the
 * screen's light with a lag (250 ms and 600 ms time constants).
 *
 * <p>Presentations, and what the flash can and cannot catch in this model:
 * <ul>
 * <li>LIVE: a real face 30-50 cm from the screen: w = 1 on the face ellipse, falling off within about a
 *     third of a face width around it, 0.03 for the far background; k 0.05-0.20.</li>
 * <li>REPLAY: a recording of an EARLIER live session (it reflected another random sequence, with another
 *     delay and start) played on a monitor that fills the view; our light only glints off its glass
 *     (additive, uniform, 0.5-3% of the face's level). The flash catches it: wrong sequence.</li>
 * <li>PRINT: a paper photo held at face distance reflects like skin (diffuse, albedo-scaled, k as live) but
 *     uniformly over the whole print, printed background included; the real room behind it reflects as a
 *     far background. A face-sized print ("cut" print) therefore looks live to the flash - it CANNOT be
 *     caught by the flash alone; a print that fills the camera's view responds everywhere alike and is
 *     caught by the uniformity rule.</li>
 * <li>PHONE_SCREEN: an emissive phone showing the face (a still photo or a video without our colours):
 *     only the glass glint responds (additive, 0.5-3% of the face's level), the face barely changes colour. Caught by
 *     the gain rule, provided the kiosk's screen is bright enough that live faces clear it.</li>
 * <li>INJECTED: the photo fed straight into the pipeline: no response at all. Caught.</li>
 * </ul>
 */
final class FlashSimulator {

    enum Attack { LIVE, REPLAY, PRINT, PHONE_SCREEN, INJECTED }

    /**
     * The photos: the first NUAA live frame of each of the 15 NUAA subjects (640x480 webcam frames, frontal),
     * from manifest.csv. Their faces come from the real YuNet detector ({@link FaceDetector}), run once per
     * photo on the original frame; the largest face is the subject (NUAA frames have bystanders).
     */
    static List<String> subjectFiles() throws IOException {
        Map<String, String> firstPerSubject = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(dataDir().resolve("manifest.csv"));
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : csv) {
                if (rec.get("label").equals("live") && rec.get("subject").startsWith("nuaa-")) {
                    firstPerSubject.putIfAbsent(rec.get("subject"), rec.get("path"));
                }
            }
        }
        return new ArrayList<>(firstPerSubject.values());
    }

    private static List<Scene> scenes;

    /** All subject photos, loaded and detected once per JVM. */
    static synchronized List<Scene> scenes() throws IOException {
        if (scenes != null) return scenes;
        List<Scene> out = new ArrayList<>();
        try (FaceDetector detector = new FaceDetector(TestModels.model("yunet-2023mar.onnx"))) {
            for (String file : subjectFiles()) {
                BgrImage full = BgrImage.fromBufferedImage(ImageIO.read(dataDir().resolve(file).toFile()));
                Face face = detector.detect(full).stream()
                        .max(Comparator.comparingDouble(f -> f.width() * f.height())).orElse(null);
                if (face == null) continue;
                out.add(load(file, full, face));
            }
        }
        if (out.size() < 10) throw new IOException("only " + out.size() + " NUAA subject photos with a detected face");
        scenes = List.copyOf(out);
        return scenes;
    }

    /** The simulated camera works at half the NUAA size to keep a thousand sessions fast. */
    static final int SCALE_DOWN = 2;

    /** A loaded photo in linear light with its (scaled) face. */
    record Scene(String file, int width, int height, float[] linear, Face face) {}

    static Path dataDir() {
        String p = System.getProperty("clockface.data");
        return Path.of(p != null ? p : "../shared/data");
    }

    static Scene load(String file, BgrImage full, Face f) {
        BgrImage img = full.resize(full.width() / SCALE_DOWN, full.height() / SCALE_DOWN);
        float[] lin = new float[img.data().length];
        for (int i = 0; i < lin.length; i++) lin[i] = TO_LINEAR[img.data()[i] & 0xFF];
        float[] lm = new float[10];
        for (int i = 0; i < 10; i++) lm[i] = f.landmarks()[i] / SCALE_DOWN;
        Face scaled = new Face(f.x() / SCALE_DOWN, f.y() / SCALE_DOWN, f.width() / SCALE_DOWN, f.height() / SCALE_DOWN, f.score(), lm);
        return new Scene(file, img.width(), img.height(), lin, scaled);
    }

    /** What one simulated session produced, with the ground truth the test may compare against. */
    record Session(Attack attack, String variant, List<Frame> frames, List<Face> faces, int trueDelayMs) {}

    // ---- colour and noise tables ----

    private static final float[] TO_LINEAR = new float[256];
    private static final int ENC_SIZE = 4096;
    private static final float[] TO_SRGB = new float[ENC_SIZE + 1];
    private static final float[] GAUSS = new float[1 << 20];

    static {
        for (int i = 0; i < 256; i++) TO_LINEAR[i] = (float) FlashColour.linear(i);
        for (int i = 0; i <= ENC_SIZE; i++) {
            double l = (double) i / ENC_SIZE;
            double v = l <= 0.0031308 ? 12.92 * l : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
            TO_SRGB[i] = (float) (v * 255);
        }
        Random r = new Random(12345);
        for (int i = 0; i < GAUSS.length; i++) GAUSS[i] = (float) r.nextGaussian();
    }

    /** A SecureRandom that repeats for the same {@code rnd} state, so simulated runs are reproducible. */
    static java.security.SecureRandom seeded(Random rnd) {
        try {
            java.security.SecureRandom sr = java.security.SecureRandom.getInstance("SHA1PRNG");
            sr.setSeed(rnd.nextLong());
            return sr;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The timeline a 60 Hz screen would report for a plan: each switch on the next pulse, +-2 ms jitter. */
    static ColourTimeline displayed(ColourSequence s, long startNanos, Random rnd) {
        ColourTimeline.Builder b = ColourTimeline.builder(s.mode());
        long pulse = 16_666_667L;
        long phase = (long) (rnd.nextDouble() * pulse);
        long last = Long.MIN_VALUE;
        for (int i = 0; i <= s.size(); i++) {
            long nominal = startNanos + s.startMillis(i) * 1_000_000L;
            long painted = ((nominal - phase) / pulse + 1) * pulse + phase + (long) (rnd.nextGaussian() * 2_000_000);
            painted = Math.max(painted, last + 1);
            if (i < s.size()) b.painted(s.steps().get(i).colour(), painted);
            else return b.finish(painted);
            last = painted;
        }
        throw new AssertionError();
    }

    // ---- the simulation ----

    /**
     * Camera conditions beyond the per-session random draw.
     *
     * @param driftScale multiplies the auto-exposure and white-balance drift (1 = the default draw: exposure
     *                   +-8% ramp and 4% wobble, white balance +-3% ramp and 1.5% wobble per channel)
     * @param jpegQuality 0 for raw frames, else each frame goes through a JPEG encode/decode (as in a capsule)
     */
    record Conditions(double driftScale, int jpegQuality) {
        static final Conditions DEFAULT = new Conditions(1, 0);
    }

    static Session simulate(Scene scene, ColourTimeline shown, Attack attack, Random rnd) {
        return simulate(scene, shown, attack, rnd, Conditions.DEFAULT);
    }

    static Session simulate(Scene scene, ColourTimeline shown, Attack attack, Random rnd, Conditions cond) {
        int w = scene.width(), h = scene.height();
        Face face = scene.face();
        int delayMs = 60 + rnd.nextInt(121);
        double exposureMs = 12 + rnd.nextDouble() * 21;
        double noiseSigma = 1.5 + rnd.nextDouble() * 2.0;

        // reflection of OUR screen: multiplicative (diffuse, albedo-scaled) and additive (glass) maps
        float[] mult = new float[w * h];
        float[] add = new float[w * h];
        double k = 0, a = 0;
        // a second light that the recorded content carries (REPLAY only)
        float[] recorded = null;
        double kRecorded = 0;
        ColourTimeline other = null;
        long otherShift = 0;
        String variant = "";
        float[] liveMap = liveWeights(w, h, face);
        // the glass glint is additive; its size is set relative to the brightness the screen shows the face at
        double faceLevel = faceLevel(scene);
        switch (attack) {
            case LIVE -> {
                k = 0.05 + rnd.nextDouble() * 0.15;
                System.arraycopy(liveMap, 0, mult, 0, mult.length);
            }
            case INJECTED -> variant = "clean";
            case REPLAY -> {
                a = GLINT_MIN + rnd.nextDouble() * (GLINT_MAX - GLINT_MIN);
                java.util.Arrays.fill(add, 1f);
                recorded = liveMap;
                kRecorded = 0.05 + rnd.nextDouble() * 0.15;
                FlashMode m = shown.mode() == FlashMode.GENTLE ? FlashMode.GENTLE : FlashMode.STANDARD;
                ColourSequence earlier = new ChallengeGenerator(seeded(rnd)).generate(m);
                other = displayed(earlier, shown.startNanos(0), rnd);
                // the attacker starts the playback about when the kiosk starts flashing; the recording had its own delay
                otherShift = (long) ((rnd.nextDouble() * 600 - 300 + 60 + rnd.nextInt(121)) * 1_000_000L);
                variant = "other-sequence";
            }
            case PRINT -> {
                k = 0.05 + rnd.nextDouble() * 0.15;
                boolean full = rnd.nextBoolean();
                variant = full ? "full-frame" : "cut";
                float bg = 0.03f;
                double grow = 1.6 + rnd.nextDouble() * 0.6;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        boolean onPrint = full || inGrownBox(face, x, y, grow);
                        mult[y * w + x] = onPrint ? 1f : bg;
                    }
                }
            }
            case PHONE_SCREEN -> {
                k = 0.05 + rnd.nextDouble() * 0.15; // the real room around the phone, far away
                a = GLINT_MIN + rnd.nextDouble() * (GLINT_MAX - GLINT_MIN);
                double grow = 1.8 + rnd.nextDouble() * 0.8;
                variant = "still";
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        boolean onPhone = inGrownBox(face, x, y, grow);
                        mult[y * w + x] = onPhone ? 0f : 0.03f;
                        add[y * w + x] = onPhone ? 1f : 0f;
                    }
                }
            }
        }

        // slow drifts: exposure and white balance, over a few seconds
        double aeSlope = (rnd.nextDouble() - 0.5) * 0.16 * cond.driftScale(), aeAmp = rnd.nextDouble() * 0.04 * cond.driftScale();
        double aePeriod = 0.8 + rnd.nextDouble() * 2.2, aePhase = rnd.nextDouble() * 2 * Math.PI;
        double[] wbSlope = new double[3], wbAmp = new double[3], wbPhase = new double[3];
        for (int c = 0; c < 3; c++) {
            wbSlope[c] = (rnd.nextDouble() - 0.5) * 0.06 * cond.driftScale();
            wbAmp[c] = rnd.nextDouble() * 0.015 * cond.driftScale();
            wbPhase[c] = rnd.nextDouble() * 2 * Math.PI;
        }
        double wbPeriod = 1.5 + rnd.nextDouble() * 3;

        long start = shown.size() > 0 ? shown.startNanos(0) - 500_000_000L : 0;
        long end = shown.endNanos() + 500_000_000L;
        List<Frame> frames = new ArrayList<>();
        List<Face> faces = new ArrayList<>();
        int dx = 0, dy = 0;
        double aeState = 0;
        double[] wbState = new double[3];
        long prevT = start;
        for (long t = start; t <= end; t += 33_333_333L) {
            long ft = t + (long) (rnd.nextGaussian() * 1_500_000);
            double[] s = screenLight(shown, ft - delayMs * 1_000_000L, exposureMs);
            double[] sRec = other == null ? null : screenLight(other, ft - delayMs * 1_000_000L - otherShift, exposureMs);
            double sec = (ft - start) / 1e9;
            double dt = Math.max(0, (ft - prevT) / 1e9);
            prevT = ft;
            // AE/AWB react to the brightened scene with a lag and undo part of it
            double lum = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
            aeState += (k * 0.3 * lum - aeState) * (1 - Math.exp(-dt / 0.25));
            double ae = (1 + aeSlope * sec + aeAmp * Math.sin(2 * Math.PI * sec / aePeriod + aePhase)) * Math.pow(1 + aeState, -0.6);
            double[] gain = new double[3];
            for (int c = 0; c < 3; c++) {
                int ch = 2 - c; // BGR order: c=0 is blue, which is screen channel 2
                wbState[c] += (k * 0.3 * s[ch] - wbState[c]) * (1 - Math.exp(-dt / 0.6));
                double wb = (1 + wbSlope[c] * sec + wbAmp[c] * Math.sin(2 * Math.PI * sec / wbPeriod + wbPhase[c])) * Math.pow(1 + wbState[c], -0.5);
                gain[c] = ae * wb;
            }
            // small motion: a bounded random walk of the whole scene
            if (rnd.nextDouble() < 0.3) dx = Math.max(-3, Math.min(3, dx + rnd.nextInt(3) - 1));
            if (rnd.nextDouble() < 0.3) dy = Math.max(-3, Math.min(3, dy + rnd.nextInt(3) - 1));

            byte[] px = new byte[w * h * 3];
            int noiseAt = rnd.nextInt(GAUSS.length);
            float[] lin = scene.linear();
            // per channel (BGR): pixel' = base*g + base*w*(k*S*g) + u*(a*S*g) [+ base*wRec*(kRec*SRec*g)]
            float[] cBase = new float[3], cMult = new float[3], cAdd = new float[3], cRec = new float[3];
            for (int c = 0; c < 3; c++) {
                int ch = 2 - c; // BGR order: c=0 is blue, which is screen channel 2
                cBase[c] = (float) (gain[c] * ENC_SIZE);
                cMult[c] = (float) (k * s[ch] * gain[c] * ENC_SIZE);
                cAdd[c] = (float) (a * faceLevel * s[ch] * gain[c] * ENC_SIZE);
                cRec[c] = recorded == null ? 0f : (float) (kRecorded * sRec[ch] * gain[c] * ENC_SIZE);
            }
            float sigma = (float) noiseSigma;
            for (int y = 0; y < h; y++) {
                int sy = Math.max(0, Math.min(h - 1, y - dy));
                for (int x = 0; x < w; x++) {
                    int sx = Math.max(0, Math.min(w - 1, x - dx));
                    int sp = sy * w + sx;
                    float mw = mult[sp], aw = add[sp], rw = recorded == null ? 0f : recorded[sp];
                    int o = (y * w + x) * 3;
                    for (int c = 0; c < 3; c++) {
                        float base = lin[sp * 3 + c];
                        float v = base * (cBase[c] + mw * cMult[c] + rw * cRec[c]) + aw * cAdd[c];
                        int li = v <= 0 ? 0 : v >= ENC_SIZE ? ENC_SIZE : (int) v;
                        float enc = TO_SRGB[li] + sigma * GAUSS[noiseAt] + 0.5f;
                        noiseAt = (noiseAt + 1) & (GAUSS.length - 1);
                        px[o + c] = (byte) (enc <= 0 ? 0 : enc >= 255 ? 255 : (int) enc);
                    }
                }
            }
            BgrImage frame = new BgrImage(w, h, px);
            frames.add(new Frame(cond.jpegQuality() > 0 ? jpeg(frame, cond.jpegQuality()) : frame, ft));
            float[] lm = new float[10];
            for (int i = 0; i < 10; i++) lm[i] = face.landmarks()[i] + (i % 2 == 0 ? dx : dy) + (float) (rnd.nextGaussian() * 1.2);
            faces.add(new Face(face.x() + dx, face.y() + dy, face.width(), face.height(), face.score(), lm));
        }
        return new Session(attack, variant, frames, faces, delayMs);
    }

    /**
     * Glint of the kiosk's light on a screen's glass, as a fraction of the face's own (emitted) linear level
     * for a full-white flash: about 4% glass reflectance times the kiosk's illuminance (~100 lux) against
     * a phone/monitor emitting the face at 20-60 cd/m2 gives 0.5-3%.
     */
    static final double GLINT_MIN = 0.005, GLINT_MAX = 0.03;

    /** Mean linear level of the face ellipse (all channels). */
    static double faceLevel(Scene scene) {
        Face f = scene.face();
        double sum = 0;
        int n = 0;
        for (int y = (int) f.y(); y < f.y() + f.height() && y < scene.height(); y++) {
            for (int x = (int) f.x(); x < f.x() + f.width() && x < scene.width(); x++) {
                double nx = (x - f.centerX()) / (f.width() / 2), ny = (y - f.centerY()) / (f.height() / 2);
                if (nx * nx + ny * ny > 1) continue;
                for (int c = 0; c < 3; c++) sum += scene.linear()[(y * scene.width() + x) * 3 + c];
                n += 3;
            }
        }
        return sum / n;
    }

    private static boolean inGrownBox(Face f, int x, int y, double grow) {
        double cx = f.centerX(), cy = f.centerY();
        return Math.abs(x - cx) <= f.width() * grow / 2 && Math.abs(y - cy) <= f.height() * grow / 2;
    }

    /**
     * Reflection weights of a live scene: 1 on the face ellipse, falling off with distance outside it
     * (hair, ears, neck are about as near as the face, the room is not), 0.03 for the far background.
     */
    static float[] liveWeights(int w, int h, Face f) {
        float[] m = new float[w * h];
        double cx = f.centerX(), cy = f.centerY(), ax = f.width() * 0.5, ay = f.height() * 0.6;
        double fall = 0.3 * f.width();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double nx = (x - cx) / ax, ny = (y - cy) / ay;
                double rr = Math.sqrt(nx * nx + ny * ny);
                double outside = rr <= 1 ? 0 : (rr - 1) * Math.min(ax, ay);
                m[y * w + x] = (float) Math.max(0.03, Math.exp(-(outside / fall) * (outside / fall)));
            }
        }
        return m;
    }

    private static BgrImage jpeg(BgrImage img, int quality) {
        try {
            javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (var out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new javax.imageio.IIOImage(img.toBufferedImage(), null, null), param);
            } finally {
                writer.dispose();
            }
            return BgrImage.fromBufferedImage(ImageIO.read(new java.io.ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Mean linear RGB the screen emitted over the exposure ending at {@code tauNanos}. */
    private static double[] screenLight(ColourTimeline tl, long tauNanos, double exposureMs) {
        double[] s = new double[3];
        int n = 6;
        for (int i = 0; i < n; i++) {
            long at = tauNanos - (long) (exposureMs * 1_000_000L * i / (n - 1));
            FlashColour c = tl.colourAt(at, FlashColour.NEUTRAL);
            s[0] += c.linearR() / n;
            s[1] += c.linearG() / n;
            s[2] += c.linearB() / n;
        }
        return s;
    }
}
