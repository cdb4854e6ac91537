package com.clockface.admin;

import com.clockface.checkin.SessionCapsule;
import com.clockface.liveness.PassiveLivenessScorer;
import com.clockface.liveness.flash.ColourTimeline;
import com.clockface.liveness.flash.FlashColour;
import com.clockface.store.AppHome;
import com.clockface.store.CheckEvent;
import com.clockface.store.Crypto;
import com.clockface.vision.BgrImage;
import com.clockface.vision.Face;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A saved check-in ({@link SessionCapsule}) ready to be stepped through or played on the review screen: every
 * frame with its time from the start, the tracked face and the challenge colour that was on screen then, the
 * colour timeline as segments, and the recorded verdict; {@link #reanalyse} recomputes the liveness verdict
 * from the capsule alone (as {@code clockface analyze} does). No JavaFX here: the screen only draws.
 */
public final class CapsuleReplay {

    /** One frame: index, milliseconds from the first frame, the tracked face (null: none) and the colour shown. */
    public record Step(int index, long ms, Face face, FlashColour colour) { }

    /** A stretch of the colour timeline, in milliseconds from the first frame. */
    public record Segment(long fromMs, long toMs, FlashColour colour) { }

    private final String source;
    private final SessionCapsule.Contents contents;
    private final List<Step> steps;
    private final List<Segment> segments;
    private final long startNanos;
    private final long durationMs;

    private CapsuleReplay(String source, SessionCapsule.Contents contents) {
        this.source = source;
        this.contents = contents;
        var frames = contents.capture().frames();
        startNanos = frames.isEmpty() ? 0 : frames.get(0).timeNanos();
        ColourTimeline t = contents.capture().timeline();
        List<Step> s = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            long at = frames.get(i).timeNanos();
            s.add(new Step(i, ms(at), contents.capture().faces().get(i), t.size() == 0 ? null : t.colourAt(at, null)));
        }
        steps = List.copyOf(s);
        List<Segment> seg = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) seg.add(new Segment(ms(t.startNanos(i)), ms(t.endNanos(i)), t.colour(i)));
        segments = List.copyOf(seg);
        long end = frames.isEmpty() ? 0 : ms(frames.get(frames.size() - 1).timeNanos());
        durationMs = Math.max(end, segments.isEmpty() ? 0 : segments.get(segments.size() - 1).toMs());
    }

    private long ms(long nanos) { return (nanos - startNanos) / 1_000_000L; }

    /**
     * The capsule of a check event, opened with the data folder's key (the kiosk seals its capsules); a clear
     * IOException when it has none or the file is gone or damaged.
     */
    public static CapsuleReplay of(AppHome home, Crypto crypto, CheckEvent e) throws IOException {
        if (e.capsulePath() == null) throw new IOException("Check event " + e.id() + " has no saved recording.");
        return read(home.resolveStored(e.capsulePath()), crypto);
    }

    /** A capsule file, plain or sealed ({@code crypto} may be null for a plain one). */
    public static CapsuleReplay read(Path file, Crypto crypto) throws IOException {
        return new CapsuleReplay(file.getFileName().toString(), SessionCapsule.read(file, crypto));
    }

    public String source() { return source; }

    public int size() { return steps.size(); }

    public List<Step> steps() { return steps; }

    public Step step(int i) { return steps.get(i); }

    /** The decoded frame (memory only). */
    public BgrImage frame(int i) { return contents.capture().frames().get(i).image(); }

    /** The challenge as it was painted; empty for an EXPRESS (no flash) session. */
    public List<Segment> timeline() { return segments; }

    public String flashMode() { return contents.capture().timeline().mode().name(); }

    /** Length of the recording in milliseconds (frames and timeline). */
    public long durationMs() { return durationMs; }

    /** The last frame at or before {@code ms} from the start (for playing in real time). */
    public int stepAt(long ms) {
        int lo = 0, hi = steps.size() - 1, best = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (steps.get(mid).ms() <= ms) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    public String recordedDecision() { return contents.verdict().path("decision").asText(); }

    public String recordedOutcome() { return contents.verdict().path("liveness").path("outcome").asText(); }

    public double recordedScore() { return contents.verdict().path("liveness").path("score").asDouble(); }

    /** Recomputes the liveness verdict from the capsule's frames, faces, timeline and settings (model work: off the screen thread). */
    public SessionCapsule.Reanalysis reanalyse(PassiveLivenessScorer passive) {
        return SessionCapsule.analyze(contents, passive);
    }

    public SessionCapsule.Contents contents() { return contents; }
}
