package com.clockface.liveness.flash;

/** How the colour-flash challenge is run; a kiosk setting. */
public enum FlashMode {
    /** Saturated colours, 5-8 steps, about 2 s. */
    STANDARD,
    /** For photosensitive users: colours blended towards grey (lower saturation and contrast), fewer and longer steps. */
    GENTLE,
    /** No flash at all: liveness relies on passive checks only. */
    EXPRESS
}
