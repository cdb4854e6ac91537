package com.clockface.admin;

import com.clockface.camera.CameraException;
import com.clockface.camera.FrameSource;
import com.clockface.checkin.CheckinAnalyser;
import com.clockface.checkin.CheckinResult;
import com.clockface.checkin.CheckinSession;
import com.clockface.checkin.Decision;
import com.clockface.checkin.FaceEngine;
import com.clockface.checkin.HeadlessCheckin;
import com.clockface.checkin.LivenessAssessor;
import com.clockface.checkin.SessionCapture;
import com.clockface.checkin.SessionSettings;
import com.clockface.gallery.Candidate;
import com.clockface.gallery.Gallery;
import com.clockface.gallery.SearchMode;
import com.clockface.liveness.LivenessProfile;
import com.clockface.liveness.LivenessResult;
import com.clockface.liveness.Outcome;
import com.clockface.liveness.flash.FlashMode;
import com.clockface.store.AuditLog;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.Template;
import com.clockface.store.TemplateSource;
import com.clockface.vision.BgrImage;
import com.clockface.vision.CameraInfo;
import com.clockface.vision.Face;
import com.clockface.vision.FaceQuality;
import com.clockface.vision.QualityIssue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrolment by live capture, through the same {@link CheckinSession} the kiosk runs (guidance, oval, colour
 * flash, capture): this class is the session's analyser. From the captured frames it
 * <ol>
 * <li>checks liveness with the {@link #PROFILE high-security} profile ({@link LivenessAssessor}: passive PAD,
 *     flash response, injection signals) and refuses anything below its pass score;</li>
 * <li>keeps the frames whose face passes the {@link FaceQuality.Rules#LIVE_CAPTURE} rules and picks
 *     {@link #MIN_FRAMES}..{@link #MAX_FRAMES} of them with different head yaw, so the templates cover a short
 *     head-pose spread (at least {@link #MIN_YAW_SPREAD});</li>
 * <li>checks that every chosen frame shows the same person, and runs the 1:N duplicate check against the
 *     gallery.</li>
 * </ol>
 * The {@link Result} says what was found; nothing is stored until {@link #save} (the admin saw the duplicate
 * warning, if any). Runs on the thread that feeds the session (the analysis thread, or the CLI's).
 */
public final class LiveEnrolment implements CheckinAnalyser {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEnrolment.class);

    /** Liveness must pass this profile (pass score 0.9). */
    public static final LivenessProfile PROFILE = LivenessProfile.HIGH_SECURITY;
    public static final int MIN_FRAMES = 3;
    public static final int MAX_FRAMES = 5;
    /**
     * Range of head yaw the chosen frames must span, in {@link FaceQuality#yaw} units (nose offset over eye
     * distance; about 0.2 at 15-20 degrees): 0.08 is a turn of roughly 6 degrees.
     */
    public static final double MIN_YAW_SPREAD = 0.08;
    /** Chosen frames closer in yaw than this add nothing: they are one pose. */
    static final double MIN_YAW_STEP = 0.02;
    /**
     * Frames with a face a capture needs: below 10 the injection checks cannot judge the frame timing
     * (InjectionAnalyzer measures fps only from 10 frames on), so an enrolment on them would be unchecked.
     */
    public static final int MIN_CAPTURE_FRAMES = 10;
    /** Each chosen frame must match the best one at least this well (a face swap mid-capture is refused). */
    static final double SAME_PERSON_MIN = FaceEngine.DEFAULT_MATCH_THRESHOLD;

    /** Why a capture was refused. */
    public enum Refusal {
        /** Liveness FAIL: a photo, a screen, a mask or an injected video. */
        LIVENESS_FAILED,
        /** Liveness below the high-security pass score (REVIEW is not enough to enrol). */
        LIVENESS_NOT_SURE,
        /** No verdict: no face, or seen too briefly. */
        NO_FACE,
        /** Fewer than {@link #MIN_CAPTURE_FRAMES} frames were analysed (a slow camera or an overloaded PC). */
        TOO_FEW_FRAMES,
        /** The capture ended before it was complete (camera stalled, recording ended). */
        INCOMPLETE,
        /** Fewer than {@link #MIN_FRAMES} frames passed the live-capture quality rules. */
        TOO_FEW_GOOD_FRAMES,
        /** The good frames are all one head pose. */
        NO_POSE_SPREAD,
        /** The chosen frames do not all show the same person. */
        NOT_ONE_PERSON,
        /** Something broke (the reason is in the message). */
        ERROR
    }

    /**
     * One chosen frame: its place in the capture, pose, quality, a face crop for the screen (memory only) and
     * the template ready to save.
     */
    public record ChosenFrame(int index, long timeNanos, double yaw, double quality, BgrImage faceCrop,
                              FaceEngine.PreparedTemplate template) { }

    /**
     * What a capture gave.
     *
     * @param refusal    null when accepted
     * @param message    a sentence for the admin (and the person in front of the camera)
     * @param framesSeen frames captured, {@code facesSeen} of them with one face, {@code goodFrames} passing the rules
     * @param yawSpread  yaw range of the chosen frames
     * @param lookalikes other enrolled people the face resembles (the admin must confirm before saving)
     */
    public record Result(Refusal refusal, String message, LivenessResult liveness, FlashMode flashMode, int framesSeen,
                         int facesSeen, int goodFrames, List<ChosenFrame> frames, double yawSpread,
                         List<Enrolment.Lookalike> lookalikes, CameraInfo camera) {
        public boolean accepted() { return refusal == null; }

        public boolean duplicateSuspected() { return !lookalikes.isEmpty(); }

        /** The sharpest frontal frame (for the preview), or null. */
        public ChosenFrame best() { return frames.isEmpty() ? null : frames.get(0); }
    }

    private final FaceEngine engine;
    private final Database db;
    private final long enrollingPersonId;
    private final FlashMode flashMode;
    private final LivenessAssessor assessor;
    private volatile Result last;
    private volatile Consumer<Result> listener = r -> { };

    /**
     * @param enrollingPersonId the person being enrolled (left out of the duplicate check), 0 for a new one
     * @param flashMode         the session's challenge: the kiosk's setting; EXPRESS for a recording (it cannot
     *                          react to the flash)
     */
    public LiveEnrolment(FaceEngine engine, Database db, long enrollingPersonId, FlashMode flashMode) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.db = Objects.requireNonNull(db, "db");
        this.enrollingPersonId = enrollingPersonId;
        this.flashMode = Objects.requireNonNull(flashMode, "flashMode");
        this.assessor = new LivenessAssessor(engine.scorer());
    }

    /** The flash mode for a camera: the kiosk's setting, EXPRESS for a test source (a recording cannot follow the flash). */
    public static FlashMode flashModeFor(boolean testSource, FlashMode configured) {
        return testSource ? FlashMode.EXPRESS : configured;
    }

    /** The session settings of an enrolment capture: the kiosk's, with this enrolment's flash mode. */
    public SessionSettings sessionSettings() {
        return SessionSettings.defaults().withFlashMode(flashMode);
    }

    /** A session whose capture this enrolment analyses (detection with the engine's detector). */
    public CheckinSession newSession(CameraInfo camera) {
        return new CheckinSession(sessionSettings(), camera, engine::detect, this);
    }

    /** Called with every result, on the analysing thread. */
    public LiveEnrolment onResult(Consumer<Result> l) {
        this.listener = l == null ? r -> { } : l;
        return this;
    }

    /** The latest result, or null before the first capture was analysed. */
    public Result lastResult() { return last; }

    /**
     * Runs one capture headless from a frame source (opened here, not closed): a recording as fast as it
     * decodes, or a camera until {@code maxLength} of its time has passed.
     */
    public Result runHeadless(FrameSource source, Duration maxLength) throws CameraException {
        last = null;
        CheckinSession session = newSession(source.info());
        HeadlessCheckin.run(source, session, maxLength);
        Result r = last;
        return r != null ? r : refused(Refusal.NO_FACE, "No face was seen. Look at the camera.", null, source.info(), 0, 0, 0);
    }

    @Override
    public CheckinResult analyse(SessionCapture capture) {
        Result r;
        try {
            r = assess(capture);
        } catch (RuntimeException e) {
            LOG.error("live enrolment analysis failed", e);
            r = refused(Refusal.ERROR, "The capture could not be analysed: " + e.getMessage(), null, capture.camera(),
                    capture.frames().size(), capture.faceCount(), 0);
        }
        last = r;
        LOG.info("live enrolment capture: {} ({} frames, {} with a face, {} good); liveness {}", r.accepted() ? "accepted"
                : "refused " + r.refusal(), r.framesSeen(), r.facesSeen(), r.goodFrames(),
                r.liveness() == null ? "none" : r.liveness().score() + " " + r.liveness().outcome() + " " + r.liveness().signals());
        listener.accept(r);
        // The session only shows this; a capture that passed waits for the admin (REVIEW), a refusal says why.
        Decision d = r.accepted() ? Decision.REVIEW
                : r.refusal() == Refusal.LIVENESS_FAILED ? Decision.ATTACK : Decision.ERROR;
        LivenessResult live = r.liveness() != null ? r.liveness() : LivenessResult.error(r.message());
        return new CheckinResult(d, r.message(), live, null, null, null, db.now());
    }

    /** The checks of one capture (model work: never on the screen thread). */
    Result assess(SessionCapture c) {
        CameraInfo cam = c.camera();
        int seen = c.frames().size(), faces = c.faceCount();
        LivenessAssessor.Assessment a = assessor.assess(c, PROFILE);
        LivenessResult live = a.liveness();
        if (live.outcome() == Outcome.ERROR) {
            return refused(Refusal.NO_FACE, live.reason(), live, cam, seen, faces, 0);
        }
        if (live.outcome() == Outcome.FAIL) {
            return refused(Refusal.LIVENESS_FAILED, "Not enrolled: the liveness check failed (" + live.percent()
                    + "/100; " + pct(PROFILE.pass()) + " needed). Enrol a live person in front of the camera, not a photo, "
                    + "a screen or a video.", live, cam, seen, faces, 0);
        }
        if (live.outcome() == Outcome.REVIEW) {
            return refused(Refusal.LIVENESS_NOT_SURE, "Not enrolled: the liveness check was not sure enough ("
                    + live.percent() + "/100; enrolment needs " + pct(PROFILE.pass()) + "). Face the camera in even light "
                    + "and try again.", live, cam, seen, faces, 0);
        }
        // a refusal above stands on any number of frames; a pass needs enough of them to mean something
        if (faces < MIN_CAPTURE_FRAMES) {
            return refused(Refusal.TOO_FEW_FRAMES, "Not enrolled: only " + faces + " camera frames could be checked during "
                    + "the capture (" + MIN_CAPTURE_FRAMES + " needed). Close other programs on this PC, or use a faster "
                    + "camera, and try again.", live, cam, seen, faces, 0);
        }
        if (!c.complete()) {
            return refused(Refusal.INCOMPLETE, "The capture was cut short. Stay in front of the camera until it is done, "
                    + "then try again.", live, cam, seen, faces, 0);
        }

        List<Candidate0> good = new ArrayList<>();
        Map<QualityIssue, Integer> problems = new EnumMap<>(QualityIssue.class);
        Map<QualityIssue, String> sentences = new EnumMap<>(QualityIssue.class);
        for (int i = 0; i < c.frames().size(); i++) {
            Face f = c.faces().get(i);
            if (f == null) continue;
            BgrImage img = c.frames().get(i).image();
            FaceQuality.Report q = FaceQuality.assess(img, List.of(f), FaceQuality.Rules.LIVE_CAPTURE);
            if (q.ok()) good.add(new Candidate0(i, FaceQuality.yaw(f), q));
            else for (FaceQuality.Problem p : q.problems()) {
                problems.merge(p.issue(), 1, Integer::sum);
                sentences.putIfAbsent(p.issue(), p.message());
            }
        }
        if (good.size() < MIN_FRAMES) {
            String why = problems.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(e -> " In " + e.getValue() + " frames: " + sentences.get(e.getKey())).orElse("");
            return refused(Refusal.TOO_FEW_GOOD_FRAMES, "Not enrolled: only " + good.size() + " of " + faces
                    + " frames were good enough (" + MIN_FRAMES + " needed)." + why, live, cam, seen, faces, good.size());
        }
        List<Candidate0> chosen = choose(good);
        double spread = spread(chosen);
        if (chosen.size() < MIN_FRAMES || spread < MIN_YAW_SPREAD) {
            return refused(Refusal.NO_POSE_SPREAD, "Not enrolled: the face stayed in one position. Turn your head slowly a "
                    + "little to the left and to the right while the camera captures.", live, cam, seen, faces, good.size());
        }

        List<float[]> embeddings = new ArrayList<>();
        for (Candidate0 k : chosen) embeddings.add(engine.embed(c.frames().get(k.index()).image(), c.faces().get(k.index())));
        if (!onePerson(embeddings)) {
            return refused(Refusal.NOT_ONE_PERSON, "Not enrolled: the frames do not all show the same person. Only the "
                    + "person being enrolled may be in front of the camera.", live, cam, seen, faces, good.size());
        }
        List<ChosenFrame> frames = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Candidate0 k = chosen.get(i);
            BgrImage img = c.frames().get(k.index()).image();
            float[] e = embeddings.get(i);
            frames.add(new ChosenFrame(k.index(), c.frames().get(k.index()).timeNanos(), k.yaw(), k.quality().score(),
                    img.cropAround(c.faces().get(k.index()), 0.3), new FaceEngine.PreparedTemplate(e, k.quality(), lookalikes(e))));
        }
        List<Enrolment.Lookalike> lookalikes = people(frames);
        String msg = "Live capture accepted: " + frames.size() + " frames from different head positions, liveness "
                + live.percent() + "/100 (" + PROFILE.name() + ").";
        if (!lookalikes.isEmpty()) {
            msg += " Warning: this face looks like " + lookalikes.get(0).name() + " (" + lookalikes.get(0).employeeNo() + ").";
        }
        return new Result(null, msg, live, flashMode, seen, faces, good.size(), List.copyOf(frames), spread,
                lookalikes, cam);
    }

    /** A frame that passed the rules. */
    record Candidate0(int index, double yaw, FaceQuality.Report quality) { }

    /**
     * Picks the frames: the best-quality one first, then again and again the good frame whose yaw is farthest
     * from every frame chosen so far (ties: better quality), up to {@link #MAX_FRAMES}, skipping poses closer
     * than {@link #MIN_YAW_STEP} to a chosen one. So the set spans the head turn the capture saw.
     */
    static List<Candidate0> choose(List<Candidate0> good) {
        List<Candidate0> left = new ArrayList<>(good);
        left.sort(Comparator.comparingDouble((Candidate0 k) -> -k.quality().score()).thenComparingInt(Candidate0::index));
        List<Candidate0> chosen = new ArrayList<>();
        if (left.isEmpty()) return chosen;
        chosen.add(left.remove(0));
        while (chosen.size() < MAX_FRAMES && !left.isEmpty()) {
            Candidate0 next = null;
            double bestGap = -1;
            for (Candidate0 k : left) {
                double gap = Double.MAX_VALUE;
                for (Candidate0 x : chosen) gap = Math.min(gap, Math.abs(k.yaw() - x.yaw()));
                if (gap > bestGap + 1e-9) { // strictly farther; among equals the first (better quality) wins
                    bestGap = gap;
                    next = k;
                }
            }
            if (bestGap < MIN_YAW_STEP) break;
            chosen.add(next);
            left.remove(next);
        }
        return chosen;
    }

    /**
     * Whether the embeddings are of one person: each matches the mean of the others at least
     * {@link #SAME_PERSON_MIN}. The mean, not one anchor frame, because a head turned 20 degrees scores
     * lower against a frontal frame (measured on live/00002: 0.49 at yaw -0.25) than against the set.
     */
    static boolean onePerson(List<float[]> embeddings) {
        for (int i = 0; i < embeddings.size(); i++) {
            float[] rest = new float[embeddings.get(i).length];
            for (int j = 0; j < embeddings.size(); j++) {
                if (j == i) continue;
                float[] e = com.clockface.vision.FaceEmbedder.l2normalise(embeddings.get(j));
                for (int d = 0; d < rest.length; d++) rest[d] += e[d];
            }
            double cos = Gallery.compare(embeddings.get(i), rest);
            if (cos < SAME_PERSON_MIN) return false;
        }
        return true;
    }

    static double spread(List<Candidate0> chosen) {
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (Candidate0 k : chosen) {
            lo = Math.min(lo, k.yaw());
            hi = Math.max(hi, k.yaw());
        }
        return chosen.isEmpty() ? 0 : hi - lo;
    }

    private List<Candidate> lookalikes(float[] e) {
        List<Candidate> out = new ArrayList<>();
        if (engine.gallery().size() == 0) return out;
        for (Candidate c : engine.gallery().search(e, null, SearchMode.FAST, 3)) {
            if (c.personId() != enrollingPersonId && c.score() >= FaceEngine.DEFAULT_MATCH_THRESHOLD) out.add(c);
        }
        return out;
    }

    /** Other people any chosen frame resembles, best score first, one entry each. */
    private List<Enrolment.Lookalike> people(List<ChosenFrame> frames) {
        Map<Long, Double> best = new LinkedHashMap<>();
        for (ChosenFrame f : frames) {
            for (Candidate c : f.template().lookalikes()) best.merge(c.personId(), c.score(), Math::max);
        }
        PersonRepository persons = new PersonRepository(db);
        List<Enrolment.Lookalike> out = new ArrayList<>();
        best.forEach((id, score) -> persons.findById(id).ifPresent(p ->
                out.add(new Enrolment.Lookalike(p.id(), p.employeeNo(), Persons.displayName(p), score))));
        out.sort(Comparator.comparingDouble(Enrolment.Lookalike::score).reversed());
        return List.copyOf(out);
    }

    /**
     * Stores the chosen frames as LIVE templates of the person in one transaction (all or none), adds them to
     * the running gallery, and audits the enrolment with its liveness figures (never the templates).
     *
     * @param duplicateConfirmed the admin confirmed a suspected duplicate is a different person
     */
    public List<Template> save(long personId, Result r, boolean duplicateConfirmed, String actor) {
        Corrections.requireActor(actor);
        if (r == null || !r.accepted()) throw new IllegalArgumentException("Only an accepted live capture can be saved.");
        if (r.duplicateSuspected() && !duplicateConfirmed) {
            throw new IllegalArgumentException("The face resembles " + r.lookalikes().get(0).name() + " ("
                    + r.lookalikes().get(0).employeeNo() + "); confirm it is a different person first.");
        }
        Person p = new PersonRepository(db).findById(personId)
                .orElseThrow(() -> new IllegalArgumentException("There is no person with id " + personId + "."));
        List<FaceEngine.PreparedTemplate> batch = r.frames().stream().map(ChosenFrame::template).toList();
        List<Template> saved = engine.saveTemplates(p.id(), batch, TemplateSource.LIVE, actor);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("templates", saved.size());
        detail.put("liveness", r.liveness().score());
        detail.put("profile", PROFILE.name());
        detail.put("flash_mode", r.flashMode().name());
        detail.put("yaw_spread", Math.round(r.yawSpread() * 1000) / 1000.0);
        detail.put("camera", r.camera() == null ? null : r.camera().name());
        detail.put("test_source", r.camera() != null && r.camera().testSource());
        if (r.duplicateSuspected()) {
            detail.put("duplicate_confirmed", r.lookalikes().stream().map(Enrolment.Lookalike::employeeNo).toList());
        }
        new AuditLog(db).append(actor, "person.enrol_live", "person:" + p.id(), detail);
        return saved;
    }

    private Result refused(Refusal why, String message, LivenessResult live, CameraInfo cam, int seen, int faces, int good) {
        return new Result(why, message, live, flashMode, seen, faces, good, List.of(), 0, List.of(), cam);
    }

    private static String pct(double score) { return Math.round(score * 100) + "/100"; }
}
