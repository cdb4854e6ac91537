package com.clockface.checkin;

import com.clockface.liveness.flash.ChallengeGenerator;
import com.clockface.liveness.flash.ColourSequence;
import com.clockface.liveness.flash.ColourTimeline;
import com.clockface.liveness.flash.FlashColour;
import com.clockface.liveness.flash.FlashMode;
import com.clockface.vision.CameraInfo;
import com.clockface.vision.Face;
import com.clockface.vision.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One kiosk's check-in flow as a state machine, fed with camera frames; it knows nothing of screens.
 *
 * <pre>
 * IDLE --face--> SEARCHING <--> ALIGNING --aligned and still for alignHold--> FLASHING --sequence done-->
 * ANALYSING --postRoll later, analyser--> RESULT --resultHold--> IDLE
 * SEARCHING/ALIGNING --no usable face for idleTimeout--> IDLE
 * FLASHING --face left the oval, second face, face lost > faceLossGrace--> ALIGNING (challenge cancelled, new one next time)
 * </pre>
 *
 * <p>Time is the frame's {@link Frame#timeNanos()} (the camera clock); {@link #tick(long)} advances it when no
 * frame comes. Every fed frame runs face detection and the cheap checks of {@link FaceCheck}; the frames around
 * the challenge are kept and handed to the {@link CheckinAnalyser} at the end (passive PAD, flash response,
 * injection signals, embeddings run there, once). A caller that cannot keep up drops frames before feeding.
 *
 * <p>The screen shows {@link SessionView#colour()} (or asks {@link #colourAt(long)} on its own refresh) and
 * reports each paint with {@link #colourShown(int, long)}, on the same clock as the frames; those reports,
 * not the plan, become the {@link ColourTimeline} the flash analysis compares the frames with.
 *
 * <p>Thread-safe: frames may come from a camera thread and paint reports from the UI thread.
 */
public final class CheckinSession {

    private static final Logger log = LoggerFactory.getLogger(CheckinSession.class);

    /** Outside the challenge, frames of this last stretch are kept (pre-roll, or a cut-short recording). */
    private final long rollingNanos;

    private final SessionSettings settings;
    private final CameraInfo camera;
    private final FaceFinder finder;
    private final CheckinAnalyser analyser;
    private final ChallengeGenerator generator;
    private final Supplier<Instant> wallClock;

    private record Captured(Frame frame, Face face) { }

    private final Deque<Captured> buffer = new ArrayDeque<>();
    private SessionState state = SessionState.IDLE;
    private Oval oval;
    private Face lastFace;
    private long lastUsableNanos;
    private long lastFaceNanos = NEVER;
    private static final long NEVER = Long.MIN_VALUE / 4;
    private long steadySinceNanos = -1;
    private ColourSequence sequence;
    private long flashStartNanos;
    private long flashEndNanos;
    private long[] paints;
    private int cancellations;
    private long resultAtNanos;
    private long captureToNanos = Long.MAX_VALUE;
    private CheckinResult result;
    private SessionView view;
    private CameraTimes cameraTimes;

    /** The capture times of every frame the camera delivered (the kiosk's capture thread records them). */
    @FunctionalInterface
    public interface CameraTimes {
        /** Capture times t with {@code fromNanos <= t <= toNanos}, in order. */
        long[] between(long fromNanos, long toNanos);
    }

    /**
     * Where the camera's own frame times come from when this session is fed only the frames a slower analysis
     * took (the kiosk drops frames rather than queue them): the capture then carries them, so the injection
     * signals measure the camera's rate and not the analysis rate. Null (the default): the fed frames are all.
     */
    public synchronized CheckinSession cameraTimes(CameraTimes times) {
        this.cameraTimes = times;
        return this;
    }

    public CheckinSession(SessionSettings settings, CameraInfo camera, FaceFinder finder, CheckinAnalyser analyser) {
        this(settings, camera, finder, analyser, new ChallengeGenerator(), Instant::now);
    }

    public CheckinSession(SessionSettings settings, CameraInfo camera, FaceFinder finder, CheckinAnalyser analyser,
                          ChallengeGenerator generator, Supplier<Instant> wallClock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.camera = camera;
        this.finder = Objects.requireNonNull(finder, "finder");
        this.analyser = Objects.requireNonNull(analyser, "analyser");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.rollingNanos = Math.max(settings.preRoll().toNanos(), settings.expressCapture().toNanos()) + 300_000_000L;
        this.view = new SessionView(SessionState.IDLE, Guidance.NO_FACE, null, null, null, -1, 0, null, 0);
    }

    public SessionSettings settings() { return settings; }

    public synchronized SessionState state() { return state; }

    /** The latest view (what the last frame or tick produced). */
    public synchronized SessionView view() { return view; }

    /** The running challenge, or null outside FLASHING/ANALYSING. */
    public synchronized ColourSequence challenge() { return sequence; }

    /** Challenges cancelled since the session last went IDLE. */
    public synchronized int cancellations() { return cancellations; }

    /** Feeds the next camera frame and returns what to show. */
    public synchronized SessionView onFrame(Frame frame) {
        Objects.requireNonNull(frame, "frame");
        long now = frame.timeNanos();
        if (oval == null || (int) Math.round(oval.centerX() * 2) != frame.image().width()) {
            oval = Oval.forFrame(frame.image().width(), frame.image().height(), settings.ovalHeightFraction());
        }
        if (state == SessionState.RESULT) {
            if (now - resultAtNanos < settings.resultHold().toNanos()) return view = resultView(now);
            goIdle();
        }
        boolean flashing = state == SessionState.FLASHING || state == SessionState.ANALYSING;
        List<Face> faces = finder.detect(frame.image());
        FaceCheck check = FaceCheck.evaluate(frame.image(), faces, oval, lastFace, settings, !flashing);
        Face tracked = check.faceCount() == 1 ? check.face() : null;
        if (check.face() != null) lastFace = check.face();
        if (tracked != null) lastFaceNanos = now;
        buffer.addLast(new Captured(frame, tracked));

        switch (state) {
            case IDLE, SEARCHING, ALIGNING -> {
                if (state == SessionState.IDLE && check.faceCount() == 0 && !fixedTimelineDue(now)) {
                    trim(now);
                    return view = idleView(now);
                }
                if (state == SessionState.IDLE) {
                    state = SessionState.SEARCHING;
                    lastUsableNanos = now;
                }
                if (fixedTimelineDue(now)) {
                    startChallenge(now);
                    return view = flashView(now, check);
                }
                if (tracked != null) {
                    lastUsableNanos = now;
                    state = SessionState.ALIGNING;
                } else {
                    state = SessionState.SEARCHING;
                    if (now - lastUsableNanos >= settings.idleTimeout().toNanos()) {
                        goIdle();
                        return view = idleView(now);
                    }
                }
                trim(now);
                if (tracked != null && check.problem() == null) {
                    if (steadySinceNanos < 0) steadySinceNanos = now;
                    if (settings.fixedTimeline() == null && now - steadySinceNanos >= settings.alignHold().toNanos()) {
                        startChallenge(now);
                        return view = flashView(now, check);
                    }
                } else {
                    steadySinceNanos = -1;
                }
                return view = aligningView(now, check);
            }
            case FLASHING -> {
                String broken = settings.fixedTimeline() == null ? brokenBy(check, now) : null;
                if (broken != null) {
                    cancel(broken, now);
                    return view = aligningView(now, check);
                }
                if (now >= flashEndNanos) state = SessionState.ANALYSING;
                else return view = flashView(now, check);
                return view = maybeAnalyse(now, true);
            }
            case ANALYSING -> {
                return view = maybeAnalyse(now, true);
            }
            default -> throw new IllegalStateException("unexpected state " + state);
        }
    }

    /** Advances time without a frame (a stalled camera): timeouts, and analysis once the post-roll is over. */
    public synchronized SessionView tick(long nowNanos) {
        switch (state) {
            case RESULT -> {
                if (nowNanos - resultAtNanos >= settings.resultHold().toNanos()) {
                    goIdle();
                    return view = idleView(nowNanos);
                }
            }
            case SEARCHING, ALIGNING -> {
                if (nowNanos - lastUsableNanos >= settings.idleTimeout().toNanos()) {
                    goIdle();
                    return view = idleView(nowNanos);
                }
            }
            case FLASHING -> {
                if (settings.fixedTimeline() == null && nowNanos - lastFaceNanos > settings.faceLossGrace().toNanos()) {
                    cancel("no frame with a face for " + (nowNanos - lastFaceNanos) / 1_000_000 + " ms", nowNanos);
                    return view = new SessionView(state, Guidance.NO_FACE, oval, null, null, -1, progress(nowNanos), null, nowNanos);
                }
            }
            case ANALYSING -> {
                return view = maybeAnalyse(nowNanos, true);
            }
            default -> { }
        }
        return view;
    }

    /**
     * End of input (a recording ran out): analyse what was captured even if the challenge never ran or was
     * cut short ({@link SessionCapture#complete()} false). Returns the RESULT view; an ERROR result when no
     * frame with a single face was kept.
     */
    public synchronized SessionView finish(long nowNanos) {
        if (state == SessionState.RESULT) return view;
        if (state != SessionState.ANALYSING || nowNanos < flashEndNanos + settings.postRoll().toNanos()) {
            if (state != SessionState.FLASHING && state != SessionState.ANALYSING) {
                // never reached the challenge: an EXPRESS-style capture of the last stretch that had a face
                sequence = new ColourSequence(FlashMode.EXPRESS, List.of());
                paints = new long[1];
                long to = lastFaceNanos >= nowNanos - rollingNanos ? nowNanos : lastFaceNanos;
                captureToNanos = to;
                flashStartNanos = to - rollingNanos + settings.preRoll().toNanos();
                flashEndNanos = to;
            }
            state = SessionState.ANALYSING;
            return view = analyse(nowNanos, false);
        }
        return view = maybeAnalyse(nowNanos, true);
    }

    /**
     * The screen reports that it painted challenge step {@code step} at {@code timeNanos} (frame clock);
     * {@code step == challenge().size()} reports the return to the resting colour. Reports for a cancelled or
     * finished challenge are ignored.
     */
    public synchronized void colourShown(int step, long timeNanos) {
        if (sequence == null || paints == null || state != SessionState.FLASHING && state != SessionState.ANALYSING) return;
        if (step < 0 || step > sequence.size()) throw new IllegalArgumentException("no challenge step " + step);
        if (paints[step] == 0) paints[step] = timeNanos;
    }

    /** Index of the planned step due at {@code nowNanos}, or -1 (before, after, or no challenge). For the screen's own refresh. */
    public synchronized int colourStepAt(long nowNanos) {
        if (sequence == null || sequence.isEmpty() || state != SessionState.FLASHING) return -1;
        if (settings.fixedTimeline() != null) return settings.fixedTimeline().indexAt(nowNanos);
        long ms = (nowNanos - flashStartNanos) / 1_000_000L;
        if (ms < 0 || ms >= sequence.totalMillis()) return -1;
        int i = 0;
        while (i + 1 < sequence.size() && sequence.startMillis(i + 1) <= ms) i++;
        return i;
    }

    /** The colour due at {@code nowNanos}, or null for the normal preview. */
    public synchronized FlashColour colourAt(long nowNanos) {
        int i = colourStepAt(nowNanos);
        return i < 0 ? null : sequence.steps().get(i).colour();
    }

    /** Back to IDLE, dropping any capture (e.g. the kiosk left the check-in screen). */
    public synchronized void reset() {
        goIdle();
        view = idleView(view.timeNanos());
    }

    // ---- transitions ------------------------------------------------------------------------------

    private boolean fixedTimelineDue(long now) {
        ColourTimeline t = settings.fixedTimeline();
        return t != null && t.size() > 0 && now >= t.startNanos(0);
    }

    private void startChallenge(long now) {
        ColourTimeline fixed = settings.fixedTimeline();
        if (fixed != null && fixed.size() > 0) {
            List<com.clockface.liveness.flash.ColourStep> steps = new ArrayList<>();
            for (int i = 0; i < fixed.size(); i++) {
                long ms = Math.max(1, (fixed.endNanos(i) - fixed.startNanos(i)) / 1_000_000L);
                steps.add(new com.clockface.liveness.flash.ColourStep(fixed.colour(i), (int) ms));
            }
            sequence = new ColourSequence(fixed.mode(), steps);
            flashStartNanos = fixed.startNanos(0);
            flashEndNanos = fixed.endNanos();
        } else {
            sequence = generator.generate(settings.flashMode());
            flashStartNanos = now;
            long length = sequence.isEmpty() ? settings.expressCapture().toNanos() : sequence.totalMillis() * 1_000_000L;
            flashEndNanos = now + length;
        }
        paints = new long[sequence.size() + 1];
        state = SessionState.FLASHING;
        lastFaceNanos = now;
        // keep only the pre-roll before the challenge
        while (!buffer.isEmpty() && buffer.peekFirst().frame().timeNanos() < flashStartNanos - settings.preRoll().toNanos()) {
            buffer.removeFirst();
        }
        log.debug("challenge started: {} steps, {} ms", sequence.size(), (flashEndNanos - flashStartNanos) / 1_000_000);
    }

    /** Why the running challenge can no longer be scored, or null. */
    private String brokenBy(FaceCheck check, long now) {
        if (check.faceCount() > 1) return "a second face appeared";
        if (check.face() == null || check.faceCount() == 0) {
            return now - lastFaceNanos > settings.faceLossGrace().toNanos() ? "the face was lost" : null;
        }
        Face f = check.face();
        double size = f.height() / oval.height();
        double dx = Math.abs(f.centerX() - oval.centerX()) / oval.width();
        double dy = Math.abs(f.centerY() - oval.centerY()) / oval.height();
        // a little more slack than for aligning: people sway, the flash shifts the detector's box
        if (size < settings.minFaceFraction() * 0.85 || size > settings.maxFaceFraction() * 1.1
                || dx > settings.centerTolerance() * 1.5 || dy > settings.centerTolerance() * 1.5) {
            return "the face left the oval";
        }
        return null;
    }

    private void cancel(String why, long now) {
        log.info("challenge cancelled: {}", why);
        cancellations++;
        sequence = null;
        paints = null;
        steadySinceNanos = -1;
        state = SessionState.ALIGNING;
        lastUsableNanos = now;
        trim(now);
    }

    private SessionView maybeAnalyse(long now, boolean complete) {
        if (now < flashEndNanos + settings.postRoll().toNanos()) {
            return new SessionView(SessionState.ANALYSING, Guidance.ANALYSING, oval, lastFace, null, -1, progress(now), null, now);
        }
        return analyse(now, complete);
    }

    private SessionView analyse(long now, boolean complete) {
        List<Frame> frames = new ArrayList<>(buffer.size());
        List<Face> faces = new ArrayList<>(buffer.size());
        long from = flashStartNanos - settings.preRoll().toNanos();
        for (Captured c : buffer) {
            if (c.frame().timeNanos() < from || c.frame().timeNanos() > captureToNanos) continue;
            frames.add(c.frame());
            faces.add(c.face());
        }
        long[] camTimes = cameraTimes == null || frames.size() < 2 ? new long[0]
                : cameraTimes.between(frames.get(0).timeNanos(), frames.get(frames.size() - 1).timeNanos());
        SessionCapture capture = new SessionCapture(camera, frames, faces, timeline(), complete, cancellations, camTimes);
        CheckinResult r;
        try {
            r = analyser.analyse(capture);
            if (r == null) throw new IllegalStateException("the analyser returned no result");
        } catch (RuntimeException e) {
            log.error("check-in analysis failed", e);
            r = CheckinResult.error("Something went wrong. Please try again. (" + e.getMessage() + ")", wallClock.get());
        }
        result = r;
        captureToNanos = Long.MAX_VALUE;
        state = SessionState.RESULT;
        resultAtNanos = now;
        buffer.clear();
        sequence = null;
        paints = null;
        return resultView(now);
    }

    /** The timeline from the screen's reports; planned times stand in for steps the screen did not report. */
    private ColourTimeline timeline() {
        if (settings.fixedTimeline() != null && settings.fixedTimeline().size() > 0) return settings.fixedTimeline();
        if (sequence == null || sequence.isEmpty()) return ColourTimeline.builder(FlashMode.EXPRESS).finish(1);
        ColourTimeline.Builder b = ColourTimeline.builder(sequence.mode());
        long last = Long.MIN_VALUE;
        for (int i = 0; i < sequence.size(); i++) {
            long t = paints[i] != 0 ? paints[i] : flashStartNanos + sequence.startMillis(i) * 1_000_000L;
            if (t <= last) t = last + 1;
            b.painted(sequence.steps().get(i).colour(), t);
            last = t;
        }
        long end = paints[sequence.size()] != 0 ? paints[sequence.size()] : flashStartNanos + sequence.totalMillis() * 1_000_000L;
        return b.finish(Math.max(end, last + 1));
    }

    private void goIdle() {
        state = SessionState.IDLE;
        buffer.clear();
        sequence = null;
        paints = null;
        steadySinceNanos = -1;
        lastFace = null;
        lastFaceNanos = NEVER;
        cancellations = 0;
        result = null;
    }

    /**
     * Outside the challenge: keeps the last {@code rollingNanos}, and also the stretch that ended with the last
     * tracked face (so a recording whose face vanished near its end can still be judged by {@link #finish}).
     */
    private void trim(long now) {
        long recent = now - rollingNanos;
        long faceFrom = lastFaceNanos - rollingNanos;
        buffer.removeIf(c -> c.frame().timeNanos() < recent
                && (c.frame().timeNanos() < faceFrom || c.frame().timeNanos() > lastFaceNanos));
    }

    // ---- views ------------------------------------------------------------------------------------

    private double progress(long now) {
        return switch (state) {
            case IDLE -> 0;
            case SEARCHING -> 0.05;
            case ALIGNING -> 0.1 + (steadySinceNanos < 0 ? 0
                    : 0.2 * Math.min(1, (now - steadySinceNanos) / (double) settings.alignHold().toNanos()));
            case FLASHING -> 0.3 + 0.6 * Math.min(1, Math.max(0, (now - flashStartNanos) / (double) Math.max(1, flashEndNanos - flashStartNanos)));
            case ANALYSING -> 0.95;
            case RESULT -> 1;
        };
    }

    private SessionView idleView(long now) {
        return new SessionView(SessionState.IDLE, Guidance.NO_FACE, oval, null, null, -1, 0, null, now);
    }

    private SessionView aligningView(long now, FaceCheck check) {
        Guidance g = check.problem() != null ? check.problem() : Guidance.ALIGNED;
        return new SessionView(state, g, oval, check.face(), null, -1, progress(now), null, now);
    }

    private SessionView flashView(long now, FaceCheck check) {
        int step = colourStepAt(now);
        FlashColour c = step < 0 ? null : sequence.steps().get(step).colour();
        return new SessionView(SessionState.FLASHING, Guidance.FLASHING, oval, check.face(), c, step, progress(now), null, now);
    }

    private SessionView resultView(long now) {
        return new SessionView(SessionState.RESULT, Guidance.DONE, oval, null, null, -1, 1, result, now);
    }

    /** How long the challenge lasts (for tests and the screen's progress ring). */
    public synchronized Duration challengeLength() {
        return sequence == null ? Duration.ZERO : Duration.ofNanos(flashEndNanos - flashStartNanos);
    }
}
