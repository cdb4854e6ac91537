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
 * @param cameraTimes   capture time of every frame the camera delivered from the first to the last of {@code frames}
 *                      (the frames themselves may be a subset: those the face analysis had time for); empty when
 *                      {@code frames} are every frame (a recording analysed offline)
 */
public record SessionCapture(CameraInfo camera, List<Frame> frames, List<Face> faces, ColourTimeline timeline,
                             boolean complete, int cancellations, long[] cameraTimes) {

    /** A capture whose frames are every frame the camera delivered. */
    public SessionCapture(CameraInfo camera, List<Frame> frames, List<Face> faces, ColourTimeline timeline,
                          boolean complete, int cancellations) {
        this(camera, frames, faces, timeline, complete, cancellations, new long[0]);
    }

    public SessionCapture {
        Objects.requireNonNull(timeline, "timeline");
        cameraTimes = cameraTimes == null ? new long[0] : cameraTimes.clone();
        frames = List.copyOf(frames);
        faces = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(faces)); // nulls allowed
        if (frames.size() != faces.size()) throw new IllegalArgumentException("one face entry per frame");
    }

    @Override
    public long[] cameraTimes() { return cameraTimes.clone(); }

    public int faceCount() {
        int n = 0;
        for (Face f : faces) if (f != null) n++;
        return n;
    }
}
