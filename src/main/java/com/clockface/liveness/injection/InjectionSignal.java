package com.clockface.liveness.injection;

/**
 * The injection-attack signals: ways a stream shows that it does not come from a camera sensor
 * looking at a person right now (a virtual camera, a replayed file, a rendered picture).
 * Rules and thresholds are the constants of {@link InjectionAnalyzer}; each constant says why.
 */
public enum InjectionSignal {
    /**
     * The device name is a known virtual camera (OBS, ManyCam, v4l2loopback, XSplit, Snap Camera, any
     * "virtual", "dummy", ...). Value 1 when the name matches, else 0. Fires on a match.
     */
    VIRTUAL_CAMERA,
    /**
     * Frame rate measured from the timestamps (not the driver's nominal value) is below
     * {@link InjectionAnalyzer#MIN_FPS}. Value: measured fps.
     */
    LOW_FPS,
    /**
     * Consecutive frames that are identical or nearly so (mean absolute difference of the green
     * channel below {@link InjectionAnalyzer#FROZEN_MAD}): a sensor adds fresh noise to every frame,
     * so only a still picture being re-sent does this. Value: the longest frozen run in seconds.
     */
    FROZEN_FRAMES,
    /**
     * A frame whose exact bytes appear again later after different frames in between: a decoder
     * re-playing the same file, never a sensor. Value: number of such re-appearances.
     */
    REPEATED_FRAMES,
    /**
     * A moving sequence of frames that re-appears later (perceptual thumbnails match frame by frame
     * for at least {@link InjectionAnalyzer#LOOP_MIN_RUN} frames while the content moves): a looped clip.
     * Value: the longest matching run in frames.
     */
    LOOPED_CONTENT,
    /**
     * Sensor noise is missing: the high-pass residual in the flattest regions is below
     * {@link InjectionAnalyzer#MIN_NOISE_SIGMA} grey levels AND at least
     * {@link InjectionAnalyzer#NOISE_STATIC_FRACTION} of the pixel values stay bit-identical from frame
     * to frame (a rendered or still picture re-sent as a stream; a sensor changes most pixels every frame).
     * Value: the median fraction of unchanged pixel values.
     */
    NOISE_ABSENT,
    /**
     * Timestamps no camera produces: time going backwards or standing still, wildly irregular frame
     * intervals, or (live devices only) intervals identical to the nanosecond over many frames, which is
     * a player's clock, not a capture clock. Value: the number of rule violations found.
     */
    TIMING_IRREGULAR
}
