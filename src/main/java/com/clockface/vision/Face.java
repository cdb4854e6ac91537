package com.clockface.vision;

/**
 * One detected face in frame coordinates: the box (top-left x, y, width, height), the detector score
 * and YuNet's five landmarks in order right eye, left eye, nose tip, right mouth corner, left mouth
 * corner (the subject's right is image-left), as x0,y0,x1,y1,...
 */
public record Face(float x, float y, float width, float height, float score, float[] landmarks) {

    public Face {
        if (landmarks == null || landmarks.length != 10) throw new IllegalArgumentException("a face needs 5 landmarks");
    }

    public float landmarkX(int i) { return landmarks[2 * i]; }
    public float landmarkY(int i) { return landmarks[2 * i + 1]; }

    public float centerX() { return x + width / 2f; }
    public float centerY() { return y + height / 2f; }

    /** Distance between the two eye centres in pixels. */
    public double interEyeDistance() {
        return Math.hypot(landmarkX(1) - landmarkX(0), landmarkY(1) - landmarkY(0));
    }

    public static final int RIGHT_EYE = 0, LEFT_EYE = 1, NOSE = 2, RIGHT_MOUTH = 3, LEFT_MOUTH = 4;
}
