package com.clockface.camera;

/**
 * A camera or recording that cannot deliver frames, with a message a person can act on
 * ("No camera was found. Plug in a USB webcam ..."), never a bare driver error code.
 */
public class CameraException extends Exception {

    /** What went wrong, so callers can react (retry a vanished camera, give up on a bad file). */
    public enum Reason {
        /** No camera by that name (or none at all) is connected. */
        NO_CAMERA,
        /** The camera was open and stopped delivering frames (unplugged, driver reset). */
        DISCONNECTED,
        /** The camera exists but cannot be opened (busy in another program, no permission). */
        BUSY,
        /** A file or folder that is missing, empty or not decodable. */
        UNREADABLE,
        /** The capture library itself could not start (missing system library, unsupported platform). */
        DRIVER
    }

    private final Reason reason;

    public CameraException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CameraException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
