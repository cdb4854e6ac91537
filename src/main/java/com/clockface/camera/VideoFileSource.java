package com.clockface.camera;

import com.clockface.vision.CameraInfo;
import com.clockface.vision.BgrImage;
import com.clockface.vision.Frame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A video file played as a camera, decoded by FFmpeg (JavaCV) into BGR frames.
 *
 * <p>Timestamps: by default each frame carries the stream's presentation time, so a recorded session
 * replays with its own timing as fast as it can be decoded (tests, {@code clockface checkin --video}).
 * With {@link #realTime(boolean) realTime(true)} (the kiosk demo) {@link #next()} waits until the frame
 * is due and stamps it on the {@code System.nanoTime()} clock, like a live camera. With
 * {@link #loop(boolean) loop(true)} the file restarts at its end and timestamps keep increasing.
 */
public final class VideoFileSource implements FrameSource {

    private final Path file;
    private boolean realTime;
    private boolean loop;

    private FFmpegFrameGrabber grabber;
    private CameraInfo info;
    private long frameIndex;
    private long firstStreamMicros = Long.MIN_VALUE; // first timestamp of the current pass
    private long streamOriginMicros;   // first timestamp of the first pass
    private long loopOffsetMicros;     // added to stream time after each restart (loop mode)
    private long lastStreamMicros;     // last timestamp seen, relative to the first frame
    private final RealTimePacer pacer = new RealTimePacer();

    public VideoFileSource(Path file) {
        this.file = file;
        this.info = new CameraInfo(file.getFileName() == null ? file.toString() : file.getFileName().toString(),
                "file (FFmpeg)", 0, 0, 0, true);
    }

    /** Pace frames to their stream timing and stamp them with System.nanoTime() (kiosk demo mode). */
    public VideoFileSource realTime(boolean on) { this.realTime = on; return this; }

    /** Start again at the end of the file instead of returning null. */
    public VideoFileSource loop(boolean on) { this.loop = on; return this; }

    public Path file() { return file; }

    @Override
    public void open() throws CameraException {
        if (grabber != null) return;
        if (!Files.isRegularFile(file)) {
            throw new CameraException(CameraException.Reason.UNREADABLE,
                    "The video file " + file + " does not exist or is not a file. Check the path.");
        }
        if (!Files.isReadable(file)) {
            throw new CameraException(CameraException.Reason.UNREADABLE,
                    "The video file " + file + " cannot be read. Check its permissions.");
        }
        JavaCvFrames.quietFfmpegLog();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(g);
            throw new CameraException(CameraException.Reason.UNREADABLE,
                    "The file " + file + " is not a video that can be played (" + e.getMessage()
                            + "). Use a common video format such as MP4, WebM or AVI.", e);
        }
        if (g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            closeQuietly(g);
            throw new CameraException(CameraException.Reason.UNREADABLE,
                    "The file " + file + " has no video picture (audio only?). Use a video with a picture track.");
        }
        grabber = g;
        info = info.withSize(g.getImageWidth(), g.getImageHeight(), g.getFrameRate());
        frameIndex = 0;
        pacer.reset();
        firstStreamMicros = Long.MIN_VALUE;
        loopOffsetMicros = 0;
        lastStreamMicros = 0;
    }

    @Override
    public Frame next() throws CameraException {
        if (grabber == null) throw new IllegalStateException("open() the source first");
        org.bytedeco.javacv.Frame f = grab();
        if (f == null && loop && frameIndex > 0) {
            restart();
            f = grab();
        }
        if (f == null) return null;
        BgrImage img = JavaCvFrames.toBgr(f);
        if (firstStreamMicros == Long.MIN_VALUE) {
            firstStreamMicros = f.timestamp;
            if (frameIndex == 0) streamOriginMicros = f.timestamp;
        }
        long relMicros = loopOffsetMicros + (f.timestamp - firstStreamMicros);
        lastStreamMicros = relMicros;
        frameIndex++;
        if (!realTime) {
            return new Frame(img, (streamOriginMicros + relMicros) * 1000L);
        }
        long due = pacer.await(relMicros * 1000L);
        return due < 0 ? null : new Frame(img, due);
    }

    private org.bytedeco.javacv.Frame grab() throws CameraException {
        try {
            return grabber.grabImage();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new CameraException(CameraException.Reason.UNREADABLE,
                    "The video file " + file + " could not be decoded after frame " + frameIndex
                            + " (" + e.getMessage() + "). The file may be damaged or still being written.", e);
        }
    }

    private void restart() throws CameraException {
        // continue the clock one nominal frame after the last one, so time never runs backwards
        double fps = info.nominalFps() > 0 ? info.nominalFps() : 30;
        long step = Math.round(1_000_000 / fps);
        try {
            grabber.setTimestamp(0);
        } catch (FrameGrabber.Exception e) {
            throw new CameraException(CameraException.Reason.UNREADABLE,
                    "The video file " + file + " could not be rewound to loop (" + e.getMessage() + ").", e);
        }
        loopOffsetMicros = lastStreamMicros + step;
        firstStreamMicros = Long.MIN_VALUE; // real-time pacing stays continuous: relMicros keeps growing
    }

    @Override
    public CameraInfo info() { return info; }

    @Override
    public void close() {
        if (grabber != null) {
            closeQuietly(grabber);
            grabber = null;
        }
    }

    private static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (Exception ignored) {
            // releasing a decoder cannot be acted on by anyone
        }
    }
}
