package com.clockface.camera;

import com.github.sarxos.webcam.Webcam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Camera discovery through webcam-capture, made safe to call on any machine. */
final class WebcamCaptureDevices {
    private static final Logger log = LoggerFactory.getLogger(WebcamCaptureDevices.class);

    private WebcamCaptureDevices() {}

    /** Longest we wait for webcam-capture's discovery; with no camera it answers in ~0.4 s. */
    static final long DISCOVERY_TIMEOUT_MS = 2000;

    /**
     * The cameras webcam-capture sees, or an empty list when there are none or when its native
     * driver cannot load (on Linux it needs libv4l-0: without it, discovery throws). Never throws.
     */
    private static volatile String lastProblem;

    /** Why the last {@link #list()} could not ask the driver (null when it could). */
    static String lastProblem() { return lastProblem; }

    static List<CameraDevice> list() {
        lastProblem = null;
        try {
            List<CameraDevice> out = new ArrayList<>();
            for (Webcam w : Webcam.getWebcams(DISCOVERY_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                out.add(new CameraDevice(w.getName(), w.getName(), WebcamSource.Backend.WEBCAM_CAPTURE));
            }
            return out;
        } catch (TimeoutException e) {
            log.warn("webcam-capture did not list cameras within {} ms; treating as no camera", DISCOVERY_TIMEOUT_MS);
            return List.of();
        } catch (RuntimeException | LinkageError e) {
            lastProblem = "the webcam-capture driver could not start (" + rootMessage(e) + ")";
            // debug only: callers that need a camera turn this into an error a person sees
            log.debug("{}", driverError(e).getMessage());
            return List.of();
        }
    }

    static CameraException driverError(Throwable e) {
        String hint = System.getProperty("os.name", "").toLowerCase().contains("linux")
                ? " On Linux install the libv4l-0 package (sudo apt-get install libv4l-0)."
                : "";
        return new CameraException(CameraException.Reason.DRIVER,
                "The webcam-capture camera driver could not start (" + rootMessage(e) + ")." + hint, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
