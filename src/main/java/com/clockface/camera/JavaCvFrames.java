package com.clockface.camera;

import com.clockface.vision.BgrImage;
import org.bytedeco.ffmpeg.global.avutil;

import java.nio.ByteBuffer;

/** Small JavaCV helpers shared by the FFmpeg-based sources. */
final class JavaCvFrames {
    private JavaCvFrames() {}

    private static volatile boolean quiet;

    /**
     * FFmpeg prints every demuxer warning to stderr by default; keep only errors so that the kiosk's
     * log stays readable. Our own exceptions carry the facts a person needs.
     */
    static void quietFfmpegLog() {
        if (!quiet) {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            quiet = true;
        }
    }

    private static volatile String deviceInputProblem;
    private static volatile boolean deviceInputChecked;

    /**
     * Null when FFmpeg's capture inputs (video4linux2, dshow) are usable, else why not. They live in
     * libavdevice, which on Linux links against the PulseAudio client library (libpulse.so.0): on a
     * machine without it, only files can be decoded.
     */
    static String deviceInputProblem() {
        if (!deviceInputChecked) {
            String problem = null;
            try {
                org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avdevice.class);
            } catch (Throwable t) { // UnsatisfiedLinkError, or a loader error wrapping it
                problem = "FFmpeg's camera input (libavdevice) could not load; on Linux it needs the PulseAudio "
                        + "client library libpulse.so.0 (" + t.getClass().getSimpleName() + ")";
            }
            deviceInputProblem = problem;
            deviceInputChecked = true;
        }
        return deviceInputProblem;
    }

    /** Copies a BGR24 JavaCV frame (rows may be padded) into a tight {@link BgrImage}. */
    static BgrImage toBgr(org.bytedeco.javacv.Frame f) {
        int w = f.imageWidth, h = f.imageHeight;
        if (f.imageChannels != 3 || f.imageDepth != org.bytedeco.javacv.Frame.DEPTH_UBYTE) {
            throw new IllegalStateException("expected an 8-bit 3-channel frame, got channels=" + f.imageChannels + " depth=" + f.imageDepth);
        }
        ByteBuffer src = ((ByteBuffer) f.image[0]).duplicate();
        int stride = f.imageStride; // bytes per row for 8-bit images, >= w * 3
        byte[] out = new byte[w * h * 3];
        int row = w * 3;
        if (stride == row) {
            src.position(0);
            src.get(out, 0, out.length);
        } else {
            for (int y = 0; y < h; y++) {
                src.position(y * stride);
                src.get(out, y * row, row);
            }
        }
        return new BgrImage(w, h, out);
    }
}
