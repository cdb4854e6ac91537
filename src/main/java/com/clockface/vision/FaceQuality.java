package com.clockface.vision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures how usable a face is for an enrolment template, in the spirit of ISO/IEC 19794-5
 * (frontal, sharp, evenly exposed, large enough), from the detector's box and 5 landmarks plus
 * simple pixel statistics. Every refusal carries a code and a sentence.
 */
public final class FaceQuality {

    /** Thresholds; {@link #TRUSTED_PHOTO} is the upload path's rule set. */
    public record Rules(int minInterEyePx, double maxYaw, double maxRollDegrees, double minSharpness,
                        double minLuma, double maxLuma, double maxClipped) {
        /** 85 px between the eyes as the commercial services require; yaw as |nose offset| / eye distance. */
        public static final Rules TRUSTED_PHOTO = new Rules(85, 0.22, 12, 0.65, 60, 200, 0.15);
        /** Live camera frames: a kiosk face at arm's length has 50-120 px between the eyes. */
        public static final Rules LIVE_CAPTURE = new Rules(40, 0.25, 15, 0.45, 50, 210, 0.2);
    }

    public record Problem(QualityIssue issue, String message) { }

    /** Measured values plus the problems found; ok() when there are none. */
    public record Report(Face face, List<Problem> problems, Map<String, Double> metrics) {
        public boolean ok() { return problems.isEmpty(); }

        /** A quality score in [0,1] for ranking templates and frames. */
        public double score() {
            double sharp = Math.min(1, metrics.getOrDefault("sharpness", 0.0) / 0.8);
            double frontal = 1 - Math.min(1, Math.abs(metrics.getOrDefault("yaw", 1.0)) / 0.5);
            double size = Math.min(1, metrics.getOrDefault("interEyePx", 0.0) / 120);
            return Math.max(0, (sharp + frontal + size) / 3);
        }
    }

    /** The trusted-photo upload limit: 2 MB, as the commercial services use. */
    public static final long TRUSTED_PHOTO_MAX_BYTES = 2L * 1024 * 1024;

    private FaceQuality() {}

    /**
     * File-level rules of the trusted-photo upload: PNG, JPEG or JPEG 2000 (by content, not by
     * name) and at most 2 MB. Returns the problems found, empty when the file may be decoded.
     */
    public static List<Problem> checkTrustedPhotoFile(java.nio.file.Path file) {
        List<Problem> problems = new ArrayList<>();
        try {
            long size = java.nio.file.Files.size(file);
            if (size > TRUSTED_PHOTO_MAX_BYTES) {
                problems.add(new Problem(QualityIssue.FILE_TOO_LARGE, QualityIssue.FILE_TOO_LARGE.sentence(TRUSTED_PHOTO_MAX_BYTES >> 20)));
            }
            byte[] head = new byte[12];
            int n;
            try (var in = java.nio.file.Files.newInputStream(file)) { n = in.readNBytes(head, 0, 12); }
            if (!isPng(head, n) && !isJpeg(head, n) && !isJpeg2000(head, n)) {
                problems.add(new Problem(QualityIssue.UNSUPPORTED_FORMAT, QualityIssue.UNSUPPORTED_FORMAT.sentence()));
            }
        } catch (java.io.IOException e) {
            problems.add(new Problem(QualityIssue.UNREADABLE, QualityIssue.UNREADABLE.sentence()));
        }
        return problems;
    }

    private static boolean isPng(byte[] h, int n) {
        return n >= 8 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G';
    }

    private static boolean isJpeg(byte[] h, int n) {
        return n >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF;
    }

    /** A JP2 file box ("jP  ") or a raw J2K codestream (SOC + SIZ markers). */
    private static boolean isJpeg2000(byte[] h, int n) {
        boolean jp2 = n >= 12 && h[4] == 'j' && h[5] == 'P' && h[6] == ' ' && h[7] == ' ';
        boolean j2k = n >= 4 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0x4F && (h[2] & 0xFF) == 0xFF && (h[3] & 0xFF) == 0x51;
        return jp2 || j2k;
    }

    /** Judges the single face expected in the image; {@code faces} come from the detector. */
    public static Report assess(BgrImage image, List<Face> faces, Rules rules) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (faces.isEmpty()) {
            problems.add(new Problem(QualityIssue.NO_FACE, QualityIssue.NO_FACE.sentence()));
            return new Report(null, problems, metrics);
        }
        Face face = largest(faces);
        // A second face that is not tiny background clutter makes the photo ambiguous.
        for (Face other : faces) {
            if (other != face && other.width() * other.height() > 0.1 * face.width() * face.height()) {
                problems.add(new Problem(QualityIssue.MULTIPLE_FACES, QualityIssue.MULTIPLE_FACES.sentence()));
                break;
            }
        }
        metrics.put("faces", (double) faces.size());
        if (face.x() < 0 || face.y() < 0 || face.x() + face.width() > image.width() || face.y() + face.height() > image.height()) {
            problems.add(new Problem(QualityIssue.FACE_CUT_OFF, QualityIssue.FACE_CUT_OFF.sentence()));
        }
        double ied = face.interEyeDistance();
        metrics.put("interEyePx", ied);
        if (ied < rules.minInterEyePx()) {
            problems.add(new Problem(QualityIssue.EYES_TOO_CLOSE,
                    QualityIssue.EYES_TOO_CLOSE.sentence(rules.minInterEyePx(), (int) Math.floor(ied)))); // 84.6 px is not "85"
        }
        double yaw = yaw(face), roll = rollDegrees(face);
        metrics.put("yaw", yaw);
        metrics.put("rollDegrees", roll);
        if (Math.abs(yaw) > rules.maxYaw()) problems.add(new Problem(QualityIssue.NOT_FRONTAL, QualityIssue.NOT_FRONTAL.sentence()));
        if (Math.abs(roll) > rules.maxRollDegrees()) problems.add(new Problem(QualityIssue.TILTED, QualityIssue.TILTED.sentence()));

        int x0 = clamp(Math.round(face.x() + face.width() * 0.2f), image.width());
        int x1 = clamp(Math.round(face.x() + face.width() * 0.8f), image.width());
        int y0 = clamp(Math.round(face.y() + face.height() * 0.2f), image.height());
        int y1 = clamp(Math.round(face.y() + face.height() * 0.9f), image.height());
        if (x1 - x0 >= 8 && y1 - y0 >= 8) {
            double[] exposure = exposure(image, x0, y0, x1, y1);
            metrics.put("meanLuma", exposure[0]);
            metrics.put("clipped", exposure[1]);
            if (exposure[0] < rules.minLuma()) problems.add(new Problem(QualityIssue.TOO_DARK, QualityIssue.TOO_DARK.sentence()));
            else if (exposure[0] > rules.maxLuma() || exposure[1] > rules.maxClipped()) {
                problems.add(new Problem(QualityIssue.TOO_BRIGHT, QualityIssue.TOO_BRIGHT.sentence()));
            }
            double sharp = sharpness(image, x0, y0, x1, y1, ied);
            metrics.put("sharpness", sharp);
            if (sharp < rules.minSharpness()) problems.add(new Problem(QualityIssue.BLURRY, QualityIssue.BLURRY.sentence()));
        }
        return new Report(face, problems, metrics);
    }

    public static Face largest(List<Face> faces) {
        Face best = faces.get(0);
        for (Face f : faces) if (f.width() * f.height() > best.width() * best.height()) best = f;
        return best;
    }

    /**
     * Horizontal offset of the nose tip from the eye midpoint, in eye distances: 0 frontal, about
     * 0.2 at 15-20 degrees of yaw. Positive when the nose is toward image-right.
     */
    public static double yaw(Face f) {
        double mx = (f.landmarkX(0) + f.landmarkX(1)) / 2;
        return (f.landmarkX(Face.NOSE) - mx) / Math.max(1e-6, f.interEyeDistance());
    }

    /** Angle of the eye line against the horizontal, in degrees. */
    public static double rollDegrees(Face f) {
        return Math.toDegrees(Math.atan2(f.landmarkY(1) - f.landmarkY(0), f.landmarkX(1) - f.landmarkX(0)));
    }

    private static int clamp(int v, int max) { return Math.max(0, Math.min(max, v)); }

    /** Mean luma and the fraction of clipped (near 0 or 255) pixels in the region. */
    static double[] exposure(BgrImage img, int x0, int y0, int x1, int y1) {
        double sum = 0;
        int clipped = 0, n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                double l = img.luma(x, y);
                sum += l;
                if (l > 250 || l < 5) clipped++;
                n++;
            }
        }
        return new double[] {sum / n, (double) clipped / n};
    }

    /**
     * Sharpness in [0,1] by the re-blur principle: blurring a sharp face removes most of its fine
     * detail, blurring an already blurred one removes little. 1 - (Laplacian energy after a 3x3 box
     * blur / before), on the face region resampled so the eyes are 64 px apart: the figure then
     * means the same for every face size.
     */
    static double sharpness(BgrImage img, int x0, int y0, int x1, int y1, double interEye) {
        double k = 64 / Math.max(8, interEye);
        int n = (int) Math.max(24, Math.min(256, Math.round((x1 - x0) * k)));
        BgrImage region = img.crop(x0, y0, x1 - x0, y1 - y0).resize(n, n);
        double[] g = new double[n * n];
        for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) g[y * n + x] = region.luma(x, y);
        double[] b = new double[n * n];
        for (int y = 1; y < n - 1; y++) {
            for (int x = 1; x < n - 1; x++) {
                double s = 0;
                for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) s += g[(y + dy) * n + x + dx];
                b[y * n + x] = s / 9;
            }
        }
        double before = laplacianEnergy(g, n, 2), after = laplacianEnergy(b, n, 2);
        return before <= 1e-9 ? 0 : Math.max(0, 1 - after / before);
    }

    private static double laplacianEnergy(double[] g, int n, int margin) {
        double sq = 0;
        for (int y = margin; y < n - margin; y++) {
            for (int x = margin; x < n - margin; x++) {
                int i = y * n + x;
                double lap = g[i - 1] + g[i + 1] + g[i - n] + g[i + n] - 4 * g[i];
                sq += lap * lap;
            }
        }
        return sq;
    }
}
