package com.clockface.checkin;

import com.clockface.vision.BgrImage;
import com.clockface.vision.Face;

import java.util.List;

/** Face detection as the session needs it: all faces, highest score first ({@code FaceDetector::detect}). */
@FunctionalInterface
public interface FaceFinder {
    List<Face> detect(BgrImage image);
}
