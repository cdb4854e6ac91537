package com.clockface.camera;

import com.clockface.vision.BgrImage;
import com.clockface.vision.CameraInfo;
import com.clockface.vision.Frame;
import com.github.sarxos.webcam.Webcam;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A live camera. Which library captures depends on the platform (see {@link Backend#forThisPlatform()}):
 * <ul>
 *   <li>Linux: FFmpeg's {@code video4linux2} input through JavaCV. It fails fast (0.3 s) when the
 *       device is missing, while webcam-capture's native grabber needs {@code libv4l-0} and has open
 *       JVM-crash reports. FFmpeg's device inputs (libavdevice) need the PulseAudio client library
 *       {@code libpulse0}; without it this falls back to webcam-capture, and when that cannot start
 *       either, the error names both packages.</li>
 *   <li>Windows: FFmpeg's {@code dshow} (DirectShow) input, which supports the resolutions and frame
 *       rates the camera offers, by device name. Not tested on Windows yet.</li>
 *   <li>elsewhere (macOS): webcam-capture's default driver.</li>
 * </ul>
 * Frames carry their capture time on the {@code System.nanoTime()} clock: the driver's timestamp mapped by
 * {@link DriverClock} (FFmpeg), or the arrival time (webcam-capture has none). When the device disappears,
 * {@link #next()} throws {@link CameraException.Reason#DISCONNECTED}; wrap the source in a
 * {@link ReconnectingSource} to wait for it to come back.
 */
public final class WebcamSource implements FrameSource {

    /** The capture library and input format. */
    public enum Backend {
        FFMPEG_V4L2("v4l2 (FFmpeg)"),
        FFMPEG_DSHOW("dshow (FFmpeg)"),
        WEBCAM_CAPTURE("webcam-capture");

        final String label;

        Backend(String label) { this.label = label; }

        public static Backend forThisPlatform() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (os.contains("linux")) return FFMPEG_V4L2;
            if (os.contains("windows")) return FFMPEG_DSHOW;
            return WEBCAM_CAPTURE;
        }
    }

    /** Requested size and rate; the camera may pick the nearest mode it supports. */
    public static final int DEFAULT_WIDTH = 640, DEFAULT_HEIGHT = 480;
    public static final double DEFAULT_FPS = 30;

    private final CameraDevice device;
    private final int width, height;
    private final double fps;

    private FFmpegFrameGrabber grabber;
    private Webcam webcam;
    private CameraInfo info;
    private long frames;
    private final DriverClock clock = new DriverClock();

    public WebcamSource(CameraDevice device) {
        this(device, DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_FPS);
    }

    public WebcamSource(CameraDevice device, int width, int height, double fps) {
        this.device = device;
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.info = new CameraInfo(device.name(), device.backend().label, 0, 0, 0, false);
    }

    public CameraDevice device() { return device; }

    @Override
    public void open() throws CameraException {
        if (grabber != null || webcam != null) return;
        frames = 0;
        if (device.backend() == Backend.WEBCAM_CAPTURE) openWebcamCapture();
        else openFfmpeg();
    }

    private void openFfmpeg() throws CameraException {
        String problem = JavaCvFrames.deviceInputProblem();
        if (problem != null) {
            if (device.backend() == Backend.FFMPEG_V4L2) {
                openWebcamCaptureFallback(problem);
                return;
            }
            throw new CameraException(CameraException.Reason.DRIVER, problem + ". Reinstall ClockFace for this platform.");
        }
        JavaCvFrames.quietFfmpegLog();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(device.id());
        g.setFormat(device.backend() == Backend.FFMPEG_V4L2 ? "video4linux2" : "dshow");
        g.setImageWidth(width);
        g.setImageHeight(height);
        g.setFrameRate(fps);
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException | UnsatisfiedLinkError e) {
            try {
                g.close();
            } catch (Exception ignored) {
                // nothing was opened
            }
            throw openError(e);
        }
        grabber = g;
        info = info.withSize(g.getImageWidth(), g.getImageHeight(), g.getFrameRate());
    }

    /** Maps FFmpeg's "avformat_open_input() error -N" to what a person can do about it. */
    private CameraException openError(Throwable e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("error -2:") || m.contains("error -2 ") || m.endsWith("error -2") || m.contains("error -19")) {
            return new CameraException(CameraException.Reason.NO_CAMERA,
                    "The camera \"" + device.name() + "\" is not connected. Plug it in or choose another camera in the settings.", e);
        }
        if (m.contains("error -16")) {
            return new CameraException(CameraException.Reason.BUSY,
                    "The camera \"" + device.name() + "\" is in use by another program. Close that program (video call, browser tab) and try again.", e);
        }
        if (m.contains("error -13")) {
            return new CameraException(CameraException.Reason.BUSY,
                    "This user may not open the camera \"" + device.name() + "\". On Linux, add the user to the 'video' group.", e);
        }
        if (e instanceof UnsatisfiedLinkError) {
            return new CameraException(CameraException.Reason.DRIVER,
                    "The video capture library could not be loaded (" + m + "). Reinstall ClockFace for this platform.", e);
        }
        return new CameraException(CameraException.Reason.NO_CAMERA,
                "The camera \"" + device.name() + "\" could not be opened (" + m + "). Check the cable, or choose another camera in the settings.", e);
    }

    /**
     * Linux without FFmpeg's v4l2 input (libavdevice needs libpulse0): try webcam-capture, whose Linux
     * names end with the device node ("HD Webcam /dev/video0").
     */
    private void openWebcamCaptureFallback(String ffmpegProblem) throws CameraException {
        List<CameraDevice> viaWebcamCapture = WebcamCaptureDevices.list();
        if (viaWebcamCapture.isEmpty() && WebcamCaptureDevices.lastProblem() != null) {
            throw new CameraException(CameraException.Reason.DRIVER,
                    "No camera library could start on this computer: " + ffmpegProblem + ", and "
                            + WebcamCaptureDevices.lastProblem() + ". Install the system libraries: "
                            + "sudo apt-get install libpulse0 libv4l-0");
        }
        for (CameraDevice d : viaWebcamCapture) {
            if (d.name().endsWith(" " + device.id()) || d.name().equals(device.name())) {
                openWebcamCapture(d.id());
                info = new CameraInfo(device.name(), Backend.WEBCAM_CAPTURE.label, info.width(), info.height(), info.nominalFps(), false);
                return;
            }
        }
        throw new CameraException(CameraException.Reason.NO_CAMERA,
                "The camera \"" + device.name() + "\" is not connected. Plug it in or choose another camera in the settings.");
    }

    private void openWebcamCapture() throws CameraException {
        openWebcamCapture(device.id());
    }

    private void openWebcamCapture(String webcamName) throws CameraException {
        Webcam w;
        try {
            w = Webcam.getWebcamByName(webcamName);
        } catch (RuntimeException | LinkageError e) {
            throw WebcamCaptureDevices.driverError(e);
        }
        if (w == null) {
            throw new CameraException(CameraException.Reason.NO_CAMERA,
                    "The camera \"" + device.name() + "\" is not connected. Plug it in or choose another camera in the settings.");
        }
        try {
            Dimension want = new Dimension(width, height);
            for (Dimension d : w.getViewSizes()) {
                if (d.equals(want)) w.setViewSize(want);
            }
            if (!w.open()) {
                throw new CameraException(CameraException.Reason.BUSY,
                        "The camera \"" + device.name() + "\" could not be opened. Close other programs that use it and try again.");
            }
        } catch (RuntimeException | LinkageError e) {
            throw new CameraException(CameraException.Reason.BUSY,
                    "The camera \"" + device.name() + "\" could not be opened (" + e.getMessage() + "). Close other programs that use it and try again.", e);
        }
        webcam = w;
        Dimension d = w.getViewSize();
        info = info.withSize(d.width, d.height, fps);
    }

    @Override
    public Frame next() throws CameraException {
        if (grabber == null && webcam == null) throw new IllegalStateException("open() the source first");
        BgrImage img;
        if (grabber != null) {
            org.bytedeco.javacv.Frame f;
            try {
                f = grabber.grabImage();
            } catch (FrameGrabber.Exception | RuntimeException e) {
                throw disconnected(e);
            }
            if (f == null) throw disconnected(null);
            img = JavaCvFrames.toBgr(f);
            long arrival = System.nanoTime();
            frames++;
            // FFmpeg passes on the driver's capture time (microseconds); 0 or less means it has none
            long t = f.timestamp > 0 ? clock.stamp(f.timestamp * 1000L, arrival) : arrival;
            return new Frame(img, t);
        } else {
            BufferedImage b;
            try {
                b = webcam.isOpen() ? webcam.getImage() : null;
            } catch (RuntimeException e) {
                throw disconnected(e);
            }
            if (b == null) throw disconnected(null);
            img = BgrImage.fromBufferedImage(b);
        }
        frames++;
        return new Frame(img, System.nanoTime());
    }

    private CameraException disconnected(Exception cause) {
        return new CameraException(CameraException.Reason.DISCONNECTED,
                "The camera \"" + device.name() + "\" stopped sending pictures after " + frames
                        + " frames. Check that it is still plugged in.", cause);
    }

    @Override
    public CameraInfo info() { return info; }

    @Override
    public void close() {
        if (grabber != null) {
            try {
                grabber.close();
            } catch (Exception ignored) {
                // the device may already be gone; nothing to release then
            }
            grabber = null;
        }
        if (webcam != null) {
            try {
                webcam.close();
            } catch (RuntimeException ignored) {
                // same as above
            }
            webcam = null;
        }
    }
}
