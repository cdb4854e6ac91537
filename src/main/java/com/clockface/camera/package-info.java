/**
 * Frame sources: live cameras, video files and image folders, all behind {@link com.clockface.camera.FrameSource}.
 *
 * <p>Typical kiosk wiring:
 * <pre>{@code
 * ReconnectingSource camera = Cameras.reconnecting(settings.cameraSpec());   // "default", a name, or file:PATH
 * camera.addListener((status, problem) -> ui.showCameraStatus(status, problem));   // CAMERA_UNAVAILABLE screen
 * LatestFrameSlot slot = new LatestFrameSlot();
 * CaptureThread capture = new CaptureThread(camera, slot)
 *         .onEveryFrame(frame -> session.injection().accept(frame))            // sees every frame
 *         .start();
 * // analysis thread: Frame f = slot.take(1, SECONDS);  preview: slot.peek()
 * }</pre>
 * Recordings for tests and {@code checkin --video}: {@code new VideoFileSource(path)} (stream timestamps,
 * as fast as it decodes) or {@code new ImageFolderSource(dir, fps)}. Errors are
 * {@link com.clockface.camera.CameraException}s whose message can be shown to a person as is.
 * No JavaFX here.
 */
package com.clockface.camera;
