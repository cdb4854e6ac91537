package com.clockface.checkin;

/**
 * The face oval in frame coordinates (pixels of the camera frame): centre and half-axes. The screen maps
 * it to its own coordinates the same way it maps the (possibly mirrored) preview.
 */
public record Oval(double centerX, double centerY, double radiusX, double radiusY) {

    public double width() { return 2 * radiusX; }
    public double height() { return 2 * radiusY; }
    public double left() { return centerX - radiusX; }
    public double top() { return centerY - radiusY; }

    /** The oval for a frame: centred horizontally, slightly above the middle, {@code heightFraction} of the frame tall, 3:4. */
    public static Oval forFrame(int frameWidth, int frameHeight, double heightFraction) {
        double ry = frameHeight * heightFraction / 2;
        double rx = Math.min(ry * 0.75, frameWidth / 2.0);
        return new Oval(frameWidth / 2.0, frameHeight * 0.48, rx, ry);
    }
}
