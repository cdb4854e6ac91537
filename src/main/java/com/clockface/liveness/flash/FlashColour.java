package com.clockface.liveness.flash;

import java.util.Objects;

/**
 * A full-screen colour the kiosk shows during the flash challenge: sRGB 0..255 and a short name.
 * The photometric helpers follow the WCAG 2.x definitions (linearised sRGB, relative luminance).
 */
public record FlashColour(String name, int r, int g, int b) {

    public FlashColour {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("a flash colour needs a name");
        check(r, "r");
        check(g, "g");
        check(b, "b");
    }

    private static void check(int v, String channel) {
        if (v < 0 || v > 255) throw new IllegalArgumentException("colour channel " + channel + " must be 0..255, got " + v);
    }

    // The full-strength palette: chosen so that the light reflected by skin differs in chroma from step to step
    // (the three primaries, the three secondaries and a near-white that anchors the chroma origin).
    public static final FlashColour RED = new FlashColour("red", 255, 0, 0);
    public static final FlashColour GREEN = new FlashColour("green", 0, 255, 0);
    public static final FlashColour BLUE = new FlashColour("blue", 0, 0, 255);
    public static final FlashColour YELLOW = new FlashColour("yellow", 255, 255, 0);
    public static final FlashColour MAGENTA = new FlashColour("magenta", 255, 0, 255);
    public static final FlashColour CYAN = new FlashColour("cyan", 0, 255, 255);
    public static final FlashColour WHITE = new FlashColour("white", 235, 235, 235);

    /**
     * The kiosk's resting background, shown before and after a challenge. The safety check treats the
     * transitions into and out of the sequence as part of it.
     */
    public static final FlashColour NEUTRAL = new FlashColour("neutral", 40, 40, 40);

    /** sRGB channel 0..255 to linear light 0..1 (the WCAG 2.x formula). */
    public static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    public double linearR() { return linear(r); }
    public double linearG() { return linear(g); }
    public double linearB() { return linear(b); }

    /** WCAG relative luminance, 0 (black) .. 1 (white). */
    public double relativeLuminance() {
        return 0.2126 * linearR() + 0.7152 * linearG() + 0.0722 * linearB();
    }

    /** WCAG red ratio R/(R+G+B) on linear values; 0 for black. */
    public double redRatio() {
        double sum = linearR() + linearG() + linearB();
        return sum == 0 ? 0 : linearR() / sum;
    }

    /** WCAG "saturated red" quantity (R-G-B)*320 on linear values, negative values set to zero. */
    public double redValue() {
        return Math.max(0, (linearR() - linearG() - linearB()) * 320);
    }

    /** This colour moved towards {@code other} by t (0 = this, 1 = other), in sRGB values. */
    public FlashColour mix(FlashColour other, double t, String newName) {
        return new FlashColour(newName,
                (int) Math.round(r + (other.r - r) * t),
                (int) Math.round(g + (other.g - g) * t),
                (int) Math.round(b + (other.b - b) * t));
    }

    /**
     * The chroma direction this colour pushes reflected light in, in the log-chroma plane used by the
     * analyser: (ln R - ln G, ln B - ln G) of a neutral surface lit a little by this colour is, to first
     * order, proportional to (R - G, B - G) in linear light.
     */
    public double[] chromaDirection() {
        return new double[] {linearR() - linearG(), linearB() - linearG()};
    }

    @Override
    public String toString() {
        return name + "(" + r + "," + g + "," + b + ")";
    }
}
