/**
 * Injection-attack signals: is this stream captured by a camera sensor now, or injected (virtual
 * camera, replayed file, still or rendered picture)? {@link com.clockface.liveness.injection.InjectionAnalyzer}
 * turns a {@link com.clockface.vision.CameraInfo} and the frames of one session into named
 * {@link com.clockface.liveness.injection.InjectionSignal}s and a risk in [0, 1]. Presentation attacks in
 * front of a real camera (a phone replay, a printed photo) are not injection and do not fire here;
 * passive PAD and the flash challenge deal with them.
 */
package com.clockface.liveness.injection;
