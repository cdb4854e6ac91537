package com.clockface.camera;

/**
 * A camera found on this computer.
 *
 * @param name    the name the OS gives it ("Integrated Camera: Integrated C", "Logitech C920"), shown in
 *                settings and remembered there; the kiosk re-finds the camera by this name
 * @param id      what the backend opens: "/dev/video0" (v4l2), "video=NAME" (dshow), or the
 *                webcam-capture device name
 * @param backend the capture path used to open it
 */
public record CameraDevice(String name, String id, WebcamSource.Backend backend) {}
