package com.clockface.camera;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds cameras and opens a frame source from a camera spec, the string in the settings and in
 * {@code --camera}:
 * <ul>
 *   <li>{@code default} (or empty): the first camera found;</li>
 *   <li>a device name as {@link #list()} returns it (exact, else a unique case-insensitive part of it);</li>
 *   <li>{@code file:PATH}: a video file or a folder of images, played in real time and looped, marked
 *       as a test source (demos, tests);</li>
 *   <li>{@code v4l2:/dev/videoN}, {@code dshow:NAME}, {@code webcam-capture:NAME}: a device through an
 *       explicit capture path.</li>
 * </ul>
 * Discovery: on Linux from sysfs (/sys/class/video4linux; instant, no native library); elsewhere
 * through webcam-capture (on Windows the devices are then opened with FFmpeg's dshow by their friendly
 * name; not tested on Windows yet). No camera gives an empty list, never an exception.
 */
public final class Cameras {
    private Cameras() {}

    /** Frame rate at which {@code file:FOLDER} plays its images. */
    public static final double IMAGE_FOLDER_FPS = 15;

    /** Names of the cameras connected now; empty when there are none. */
    public static List<String> list() {
        return devices().stream().map(CameraDevice::name).toList();
    }

    /** The cameras connected now, with the backend that will open each; empty when there are none. */
    public static List<CameraDevice> devices() {
        return switch (WebcamSource.Backend.forThisPlatform()) {
            case FFMPEG_V4L2 -> LinuxVideoDevices.list(Path.of("/sys/class/video4linux"), Path.of("/dev"));
            case FFMPEG_DSHOW -> WebcamCaptureDevices.list().stream()
                    .map(d -> {
                        String friendly = withoutTrailingId(d.name());
                        return new CameraDevice(friendly, "video=" + friendly, WebcamSource.Backend.FFMPEG_DSHOW);
                    }).toList();
            case WEBCAM_CAPTURE -> WebcamCaptureDevices.list();
        };
    }

    /** webcam-capture names devices "FRIENDLY-NAME ID"; DirectShow wants the friendly name. */
    static String withoutTrailingId(String name) {
        int sp = name.lastIndexOf(' ');
        return sp > 0 ? name.substring(0, sp) : name;
    }

    /** Creates and opens the source the spec names. */
    public static FrameSource open(String spec) throws CameraException {
        FrameSource s = create(spec);
        try {
            s.open();
            return s;
        } catch (CameraException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * A source that keeps a device spec alive across unplugging: while the camera is missing its status
     * is {@link ReconnectingSource.Status#CAMERA_UNAVAILABLE} and it retries by name (so a camera that
     * comes back under another /dev/videoN is still found).
     */
    public static ReconnectingSource reconnecting(String spec) {
        return new ReconnectingSource(() -> create(spec));
    }

    /** Creates the source the spec names, not yet opened. Throws when no such camera exists now. */
    public static FrameSource create(String spec) throws CameraException {
        String s = spec == null ? "" : spec.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            Path p = Path.of(s.substring("file:".length()));
            if (Files.isDirectory(p)) return new ImageFolderSource(p, IMAGE_FOLDER_FPS).realTime(true).loop(true);
            return new VideoFileSource(p).realTime(true).loop(true);
        }
        if (lower.startsWith("v4l2:")) {
            String dev = s.substring("v4l2:".length());
            return new WebcamSource(new CameraDevice(dev, dev, WebcamSource.Backend.FFMPEG_V4L2));
        }
        if (lower.startsWith("dshow:")) {
            String name = s.substring("dshow:".length());
            return new WebcamSource(new CameraDevice(name, "video=" + name, WebcamSource.Backend.FFMPEG_DSHOW));
        }
        if (lower.startsWith("webcam-capture:")) {
            String name = s.substring("webcam-capture:".length());
            return new WebcamSource(new CameraDevice(name, name, WebcamSource.Backend.WEBCAM_CAPTURE));
        }
        List<CameraDevice> found = devices();
        if (s.isEmpty() || lower.equals("default")) {
            if (found.isEmpty()) {
                throw new CameraException(CameraException.Reason.NO_CAMERA,
                        "No camera was found. Connect a USB webcam (and close other programs that use it), "
                                + "or start with --camera file:VIDEO to play a recording instead.");
            }
            return new WebcamSource(found.get(0));
        }
        return new WebcamSource(byName(s, found));
    }

    static CameraDevice byName(String name, List<CameraDevice> found) throws CameraException {
        for (CameraDevice d : found) if (d.name().equals(name)) return d;
        for (CameraDevice d : found) if (d.name().equalsIgnoreCase(name)) return d;
        List<CameraDevice> partial = new ArrayList<>();
        for (CameraDevice d : found) {
            if (d.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) partial.add(d);
        }
        if (partial.size() == 1) return partial.get(0);
        String available = found.isEmpty() ? "no camera is connected"
                : "cameras found: " + String.join(", ", found.stream().map(CameraDevice::name).toList());
        throw new CameraException(CameraException.Reason.NO_CAMERA,
                "No camera named \"" + name + "\" is connected (" + available
                        + "). Plug it in, or choose another camera in the settings.");
    }
}
