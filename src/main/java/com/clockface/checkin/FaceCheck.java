package com.clockface.checkin;

import com.clockface.vision.BgrImage;
import com.clockface.vision.Face;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-frame look at the faces: which one is tracked, and the first alignment problem with it.
 * Cheap on purpose (subsampled statistics on the face box only): it runs on every frame.
 *
 * @param face       the tracked face (largest significant one), or null
 * @param faceCount  significant faces (height at least {@link #SIGNIFICANT} of the largest; tiny far-away
 *                   detections in the background are not a second person at the kiosk)
 * @param problem    the first problem in {@link Guidance} order, or null when the face is aligned
 * @param brightness mean face luma 0-255 (NaN without face)
 * @param sharpness  variance of the Laplacian on the face luma, sampled at about 64 px across (NaN without face)
 * @param yaw        nose offset from the eye midpoint in inter-eye distances (signed)
 * @param rollDegrees tilt of the eye line
 */
public record FaceCheck(Face face, int faceCount, Guidance problem, double brightness, double sharpness,
                        double yaw, double rollDegrees) {

    static final double SIGNIFICANT = 0.4;

    /** Faces that count: height at least SIGNIFICANT x the largest. */
    static List<Face> significant(List<Face> faces) {
        double maxH = 0;
        for (Face f : faces) maxH = Math.max(maxH, f.height());
        List<Face> out = new ArrayList<>();
        for (Face f : faces) if (f.height() >= SIGNIFICANT * maxH) out.add(f);
        out.sort((a, b) -> Float.compare(b.height() * b.width(), a.height() * a.width()));
        return out;
    }

    /**
     * @param previous the tracked face of the previous frame (motion), or null
     * @param checkLight false during the challenge: the flash itself changes brightness
     */
    static FaceCheck evaluate(BgrImage image, List<Face> detected, Oval oval, Face previous, SessionSettings s,
                              boolean checkLight) {
        List<Face> faces = significant(detected);
        if (faces.isEmpty()) return new FaceCheck(null, 0, Guidance.NO_FACE, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        Face f = faces.get(0);
        double[] stats = lumaStats(image, f);
        double yaw = yaw(f), roll = rollDegrees(f);
        Guidance problem;
        double size = f.height() / oval.height();
        double dx = Math.abs(f.centerX() - oval.centerX()) / oval.width();
        double dy = Math.abs(f.centerY() - oval.centerY()) / oval.height();
        if (faces.size() > 1) problem = Guidance.MULTIPLE_FACES;
        else if (checkLight && stats[0] < s.minBrightness()) problem = Guidance.TOO_DARK;
        else if (checkLight && stats[0] > s.maxBrightness()) problem = Guidance.TOO_BRIGHT;
        else if (size < s.minFaceFraction()) problem = Guidance.MOVE_CLOSER;
        else if (size > s.maxFaceFraction()) problem = Guidance.MOVE_BACK;
        else if (dx > s.centerTolerance() || dy > s.centerTolerance() || !inside(f, image)) problem = Guidance.CENTER_FACE;
        else if (Math.abs(yaw) > s.maxYaw() || Math.abs(roll) > s.maxRollDegrees()) problem = Guidance.LOOK_STRAIGHT;
        else if (checkLight && stats[1] < s.minSharpness()) problem = Guidance.BLURRY;
        else if (previous != null && motion(previous, f) > s.maxMotion()) problem = Guidance.HOLD_STILL;
        else problem = null;
        return new FaceCheck(f, faces.size(), problem, stats[0], stats[1], yaw, roll);
    }

    /** The face box lies within the frame (a face cut by the border is not centred). */
    static boolean inside(Face f, BgrImage img) {
        double mx = 0.05 * f.width();
        return f.x() >= -mx && f.y() >= -mx && f.x() + f.width() <= img.width() + mx && f.y() + f.height() <= img.height() + mx;
    }

    static double yaw(Face f) {
        double eyeMid = (f.landmarkX(Face.RIGHT_EYE) + f.landmarkX(Face.LEFT_EYE)) / 2;
        double d = f.interEyeDistance();
        return d <= 0 ? 0 : (f.landmarkX(Face.NOSE) - eyeMid) / d;
    }

    static double rollDegrees(Face f) {
        return Math.toDegrees(Math.atan2(f.landmarkY(Face.LEFT_EYE) - f.landmarkY(Face.RIGHT_EYE),
                f.landmarkX(Face.LEFT_EYE) - f.landmarkX(Face.RIGHT_EYE)));
    }

    /** Centre displacement between two boxes, in face heights. */
    static double motion(Face a, Face b) {
        double h = Math.max(1, (a.height() + b.height()) / 2);
        return Math.hypot(a.centerX() - b.centerX(), a.centerY() - b.centerY()) / h;
    }

    /** Mean luma and Laplacian variance of the face box, sampled on a grid of about 64 columns. */
    static double[] lumaStats(BgrImage img, Face f) {
        int x0 = clamp((int) f.x(), 0, img.width() - 1), y0 = clamp((int) f.y(), 0, img.height() - 1);
        int x1 = clamp((int) (f.x() + f.width()), x0 + 1, img.width()), y1 = clamp((int) (f.y() + f.height()), y0 + 1, img.height());
        int step = Math.max(1, (x1 - x0) / 64);
        int cols = (x1 - x0) / step, rows = (y1 - y0) / step;
        if (cols < 3 || rows < 3) return new double[] {Double.NaN, Double.NaN};
        double[] l = new double[cols * rows];
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = img.luma(x0 + c * step, y0 + r * step);
                l[r * cols + c] = v;
                sum += v;
            }
        }
        double lapSum = 0, lapSq = 0;
        int n = 0;
        for (int r = 1; r < rows - 1; r++) {
            for (int c = 1; c < cols - 1; c++) {
                int i = r * cols + c;
                double lap = l[i - 1] + l[i + 1] + l[i - cols] + l[i + cols] - 4 * l[i];
                lapSum += lap;
                lapSq += lap * lap;
                n++;
            }
        }
        double mean = lapSum / n;
        return new double[] {sum / l.length, lapSq / n - mean * mean};
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
