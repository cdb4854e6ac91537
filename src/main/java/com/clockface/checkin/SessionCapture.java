package com.clockface.checkin;

import com.clockface.liveness.flash.ColourTimeline;
import com.clockface.vision.CameraInfo;
import com.clockface.vision.Face;
import com.clockface.vision.Frame;

import java.util.List;
import java.util.Objects;

/**
 * What a session hands to the analysis: the frames around the challenge, each with its face (null when no
 * single face was found in it), the colour timeline the screen reported, and how the capture went.
 *
 * @param camera        the frame source's description (injection signals, capsules)
 * @param frames        frames in capture order: pre-roll, challenge, post-roll
 * @param faces         one entry per frame: the tracked face or null
 * @param timeline      what the screen showed (EXPRESS: empty)
 * @param complete      false when the input ended (or was cut) before the challenge finished
 * @param cancellations challenges cancelled and restarted before this one
 */
public record SessionCapture(CameraInfo camera, List<Frame> frames, List<Face> faces, ColourTimeline timeline,
                             boolean complete, int cancellations) {

    public SessionCapture {
        Objects.requireNonNull(timeline, "timeline");
        frames = List.copyOf(frames);
        faces = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(faces)); // nulls allowed
        if (frames.size() != faces.size()) throw new IllegalArgumentException("one face entry per frame");
    }

    public int faceCount() {
        int n = 0;
        for (Face f : faces) if (f != null) n++;
        return n;
    }
}
