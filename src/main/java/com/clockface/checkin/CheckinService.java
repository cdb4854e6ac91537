package com.clockface.checkin;

import com.clockface.gallery.Candidate;
import com.clockface.gallery.SearchMode;
import com.clockface.liveness.LivenessResult;
import com.clockface.liveness.Outcome;
import com.clockface.store.AuditLog;
import com.clockface.store.CheckEvent;
import com.clockface.store.CheckEventRepository;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.PunchRepository;
import com.clockface.store.ReviewState;
import com.clockface.store.SettingsRepository;
import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchDecision;
import com.clockface.timeclock.PunchKind;
import com.clockface.timeclock.PunchSource;
import com.clockface.timeclock.PunchStatus;
import com.clockface.timeclock.TimeclockSettings;
import com.clockface.vision.CameraInfo;
import com.clockface.vision.Face;
import com.clockface.vision.FaceEmbedder;
import com.clockface.vision.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decision half of a check-in: liveness ({@link LivenessAssessor}), then compare-with-liveness against the
 * gallery, the punch rule, and persistence. Every attempt writes a check_event (scores, signals JSON, outcome,
 * encrypted evidence JPEG of the best frame); a punch is committed before the result is returned.
 * <ul>
 * <li>liveness ERROR: ERROR. FAIL: ATTACK (a PAD_ATTACK event: check_event decision ATTACK, in the review queue; when a
 *     person matched, the event carries that person, which flags them; {@link AttackPolicy} may lock the kiosk).</li>
 * <li>no match at or above the threshold: UNKNOWN_PERSON.</li>
 * <li>the person punched within the debounce period: ALREADY_PUNCHED, nothing recorded.</li>
 * <li>liveness REVIEW, or two people within {@link FaceEngine#AMBIGUITY_MARGIN}: REVIEW, a PENDING punch.</li>
 * <li>otherwise PUNCH_IN / PUNCH_OUT by {@link PunchDecision} (workday boundary, night shifts).</li>
 * </ul>
 */
public final class CheckinService implements CheckinAnalyser {

    private static final Logger log = LoggerFactory.getLogger(CheckinService.class);
    public static final String ACTOR = "kiosk";

    private final FaceEngine engine;
    private final Database db;
    private final CheckinSettings settings;
    private final TimeclockSettings timeclock;
    private final LivenessAssessor assessor;
    private final CheckEventRepository events;
    private final PunchRepository punches;
    private final PersonRepository persons;
    private final AuditLog audit;
    private final AttackPolicy attacks;
    private final Path capsuleDir;
    private volatile Analysis last;

    /** The inputs and outcome of the latest {@link #analyse} call (for an explicit capsule, e.g. {@code --capsule}). */
    public record Analysis(SessionCapture capture, LivenessAssessor.Assessment assessment, CheckinResult result) { }

    /**
     * @param capsuleDir where capsules are written when {@link CheckinSettings#capsules()} asks for one; null: never
     */
    public CheckinService(FaceEngine engine, Database db, CheckinSettings settings, TimeclockSettings timeclock, Path capsuleDir) {
        this.engine = engine;
        this.db = db;
        this.settings = settings;
        this.timeclock = timeclock;
        this.assessor = new LivenessAssessor(engine.scorer());
        this.events = new CheckEventRepository(db);
        this.punches = new PunchRepository(db);
        this.persons = new PersonRepository(db);
        this.audit = new AuditLog(db);
        this.attacks = AttackPolicy.of(events, settings);
        this.capsuleDir = capsuleDir;
    }

    /** Settings from the database's settings table (check-in and timeclock keys). */
    public static CheckinService fromDatabase(FaceEngine engine, Database db, Path capsuleDir) {
        SettingsRepository repo = new SettingsRepository(db);
        TimeclockSettings tc = TimeclockSettings.fromProperties(k -> repo.get(k).orElse(null),
                TimeclockSettings.defaults(ZoneId.systemDefault()));
        return new CheckinService(engine, db, CheckinSettings.load(repo), tc, capsuleDir);
    }

    public CheckinSettings settings() { return settings; }

    public Analysis lastAnalysis() { return last; }

    public AttackPolicy attackPolicy() { return attacks; }

    /** The kiosk is locked after repeated attacks until this time (the screen shows it and feeds no frames). */
    public Optional<Instant> lockedUntil() { return attacks.lockedUntil(db.now()); }

    /** A session for this kiosk, detecting with the engine's detector. */
    public CheckinSession newSession(CameraInfo camera, SessionSettings session) {
        return new CheckinSession(session, camera, engine::detect, this);
    }

    @Override
    public CheckinResult analyse(SessionCapture c) {
        Instant now = db.now();
        Optional<Instant> locked = attacks.lockedUntil(now);
        if (locked.isPresent()) {
            String msg = "This kiosk is locked until " + LocalTime.ofInstant(locked.get(), timeclock.zone()).truncatedTo(ChronoUnit.MINUTES)
                    + " after repeated failed checks. Please ask an administrator.";
            CheckinResult r = new CheckinResult(Decision.LOCKED, msg, LivenessResult.error(msg), null, null, null, now);
            return record(r, c, null, Map.of("locked_until", locked.get().toString()), ReviewState.NONE);
        }
        LivenessAssessor.Assessment a = assessor.assess(c, settings.profile());
        LivenessResult live = a.liveness();
        if (live.outcome() == Outcome.ERROR) {
            return record(new CheckinResult(Decision.ERROR, live.reason(), live, null, null, null, now), c, a, Map.of(), ReviewState.NONE);
        }

        List<Candidate> candidates = search(c, a);
        Candidate best = candidates.isEmpty() ? null : candidates.get(0);
        CheckinResult.Match match = null;
        if (best != null && best.score() >= settings.matchThreshold()) {
            Optional<Person> p = persons.findById(best.personId());
            if (p.isPresent() && p.get().active()) {
                match = new CheckinResult.Match(p.get().id(), p.get().name(), p.get().employeeNo(), best.score());
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("candidates", candidates.stream().limit(3)
                .map(x -> Map.of("person", x.personId(), "score", x.score())).toList());

        if (live.outcome() == Outcome.FAIL) {
            CheckinResult r = new CheckinResult(Decision.ATTACK,
                    "Check-in refused: this does not look like a live person. Please try again, facing the screen.",
                    live, match, null, null, now);
            r = record(r, c, a, extra, ReviewState.PENDING); // every suspected attack waits in the review queue
            afterAttack(r, now);
            return r;
        }
        if (match == null) {
            return record(new CheckinResult(Decision.UNKNOWN_PERSON, "Sorry, I do not recognise you. Please ask an administrator.",
                    live, null, null, null, now), c, a, extra, ReviewState.NONE);
        }

        Instant from = now.minus(Duration.ofDays(2)).minus(timeclock.overlongShift());
        List<Punch> recent = punches.listByPerson(match.personId(), from, now.plus(timeclock.debounce()).plusSeconds(1));
        PunchDecision pd = PunchDecision.decide(match.personId(), recent, now, timeclock);
        if (pd.alreadyPunched()) {
            String msg = firstName(match) + ", you " + pd.alreadyPunchedText(timeclock.zone()) + ".";
            return record(new CheckinResult(Decision.ALREADY_PUNCHED, msg, live, match, pd.previous(), null, now), c, a, extra, ReviewState.NONE);
        }
        boolean ambiguous = candidates.size() > 1 && candidates.get(1).personId() != best.personId()
                && best.score() - candidates.get(1).score() < FaceEngine.AMBIGUITY_MARGIN;
        boolean review = live.outcome() == Outcome.REVIEW || ambiguous;
        extra.put("ambiguous", ambiguous);
        Decision d = review ? Decision.REVIEW : pd.kind() == PunchKind.IN ? Decision.PUNCH_IN : Decision.PUNCH_OUT;
        String when = LocalTime.ofInstant(now, timeclock.zone()).truncatedTo(ChronoUnit.MINUTES).toString();
        String msg = review
                ? firstName(match) + ", your clock-" + (pd.kind() == PunchKind.IN ? "in" : "out") + " at " + when
                  + " was recorded for an administrator to confirm."
                : (pd.kind() == PunchKind.IN ? "Welcome, " + firstName(match) + ". Clocked in at " : "Goodbye, " + firstName(match) + ". Clocked out at ") + when + ".";
        CheckinResult r = record(new CheckinResult(d, msg, live, match, null, null, now), c, a, extra,
                review ? ReviewState.PENDING : ReviewState.NONE);
        Punch p = punches.insert(new Punch(0, match.personId(), pd.kind(), now, timeclock.zone(), settings.kiosk(), PunchSource.FACE,
                review ? PunchStatus.PENDING : PunchStatus.CONFIRMED, r.checkEventId(), review ? "face check-in needs review" : null));
        CheckinResult done = new CheckinResult(r.decision(), r.message(), r.liveness(), r.match(), p, r.checkEventId(), r.at());
        last = new Analysis(c, last.assessment(), done);
        return done;
    }

    /** Averaged embedding of the best frames (ACCURATE adds the mirrored best face), top 5 persons. */
    private List<Candidate> search(SessionCapture c, LivenessAssessor.Assessment a) {
        if (engine.gallery().size() == 0 || a.best().isEmpty()) return List.of();
        int n = Math.min(LivenessAssessor.EMBED_FRAMES, a.best().size());
        float[] sum = null;
        for (int i = 0; i < n; i++) {
            int k = a.best().get(i);
            float[] e = engine.embed(c.frames().get(k).image(), c.faces().get(k));
            if (sum == null) sum = new float[e.length];
            for (int j = 0; j < e.length; j++) sum[j] += e[j];
        }
        float[] probe = FaceEmbedder.l2normalise(sum);
        float[] mirrored = null;
        if (settings.searchMode() == SearchMode.ACCURATE) {
            int k = a.best().get(0);
            mirrored = engine.embedMirrored(c.frames().get(k).image(), c.faces().get(k));
        }
        return engine.gallery().search(probe, mirrored, settings.searchMode(), 5);
    }

    private CheckinResult record(CheckinResult r, SessionCapture c, LivenessAssessor.Assessment a, Map<String, Object> extra,
                                 ReviewState review) {
        Map<String, Object> signals = Verdicts.signals(r, c, a);
        signals.putAll(extra);
        byte[] evidence = null;
        if (a != null && a.bestFrame() >= 0) evidence = Verdicts.jpeg(c.frames().get(a.bestFrame()).image(), 0.9f);
        Double liveScore = r.liveness().outcome() == Outcome.ERROR ? null : r.liveness().score();
        CheckEvent e = events.insert(CheckEvent.of(r.at(), settings.kiosk(), r.match() == null ? null : r.match().personId(),
                r.decision().name(), r.liveness().outcome().name(), liveScore, r.match() == null ? null : r.match().score(),
                Verdicts.json(signals), review), evidence);
        CheckinResult out = r.withCheckEventId(e.id());
        last = new Analysis(c, a, out);
        if (capsuleDir != null && settings.capsules().saves(r.decision(), r.liveness().outcome())) {
            try {
                Path file = capsuleDir.resolve("checkin-" + e.id() + ".capsule");
                SessionCapsule.writeSealed(file, c, out, settings, a, db.crypto()); // frames are biometric data: encrypted at rest
                events.setCapsulePath(e.id(), file.toString());
            } catch (Exception ex) {
                // the check-in itself stands; a missing capsule is logged, not fatal
                log.warn("could not save the session capsule for check event {}: {}", e.id(), ex.getMessage());
            }
        }
        return out;
    }

    private void afterAttack(CheckinResult r, Instant now) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("check_event", r.checkEventId());
        detail.put("liveness", r.liveness().score());
        if (r.match() != null) detail.put("person", r.match().personId());
        audit.append(ACTOR, "PAD_ATTACK", "kiosk:" + settings.kiosk(), detail);
        if (r.match() != null) {
            audit.append(ACTOR, "person.flagged", "person:" + r.match().personId(),
                    Map.of("reason", "presentation attack with this person's face", "check_event", r.checkEventId()));
        }
        Optional<Instant> until = attacks.lockedUntil(now);
        if (until.isPresent()) {
            log.warn("kiosk {} locked until {} after {} attacks within {}", settings.kiosk(), until.get(), attacks.limit(), attacks.window());
            audit.append(ACTOR, "kiosk.locked", "kiosk:" + settings.kiosk(), Map.of("until", until.get().toString()));
        }
    }

    private static String firstName(CheckinResult.Match m) {
        String n = m.name() == null ? "" : m.name().trim();
        int sp = n.indexOf(' ');
        return n.isEmpty() ? "there" : sp > 0 ? n.substring(0, sp) : n;
    }
}
