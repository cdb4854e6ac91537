package com.clockface.vision;

/**
 * What a frame source is: shown on the kiosk ("test source" label), stored with a session capsule,
 * and read by the injection checks (a virtual-camera device name is a signal). It lives in vision,
 * next to {@link Frame}, so that camera, liveness and checkin can all use it.
 *
 * @param name       device name as the OS reports it, or the file/folder name for test sources
 * @param api        capture path, e.g. "v4l2 (FFmpeg)", "webcam-capture", "dshow (FFmpeg)", "file (FFmpeg)"
 * @param width      frame width in pixels (0 until the source is open)
 * @param height     frame height in pixels (0 until the source is open)
 * @param nominalFps frame rate the driver or container claims (0 when unknown); measured fps can differ
 * @param testSource true for recordings and image folders played as a camera (demos, tests)
 */
public record CameraInfo(String name, String api, int width, int height, double nominalFps, boolean testSource) {

    public CameraInfo withSize(int w, int h, double fps) {
        return new CameraInfo(name, api, w, h, fps, testSource);
    }
}
