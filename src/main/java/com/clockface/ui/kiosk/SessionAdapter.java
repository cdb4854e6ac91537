package com.clockface.ui.kiosk;

import com.clockface.checkin.CheckinResult;
import com.clockface.checkin.CheckinSession;
import com.clockface.checkin.Guidance;
import com.clockface.checkin.Oval;
import com.clockface.checkin.SessionState;
import com.clockface.checkin.SessionView;
import com.clockface.liveness.flash.ColourSequence;
import com.clockface.ui.kiosk.ScreenModel.ResultCard;
import com.clockface.vision.BgrImage;
import com.clockface.vision.Face;
import com.clockface.vision.Frame;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Feeds the check-in session on the analysis thread and turns its {@link SessionView} into what the
 * screen draws. The session decides; this class only translates (and keeps the last face crop for the
 * result card's photo). The admin screens' live enrolment feeds its session through it too.
 */
public final class SessionAdapter implements FrameAnalyzer {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Supplier<CheckinSession> newSession;
    private final Supplier<ZoneId> zone;
    private final LongFunction<String> hoursToday;
    private CheckinSession session;

    private ColourSequence planSequence;
    private long planStart;
    private BgrImage lastFacePhoto;
    private CheckinResult cardFor;
    private ScreenModel cardModel;

    /**
     * @param newSession builds the session at the first frame and after every {@link #reset()}, so settings an
     *                   admin changed meanwhile (flash mode, camera, thresholds) apply to the next check-in
     * @param zone       the kiosk's time zone (the card's time)
     * @param hoursToday "Hours today: 3.5" for a person id (may return null)
     */
    public SessionAdapter(Supplier<CheckinSession> newSession, Supplier<ZoneId> zone, LongFunction<String> hoursToday) {
        this.newSession = newSession;
        this.zone = zone;
        this.hoursToday = hoursToday;
    }

    /** The session (created at the first frame, when the camera's size is known); null before. */
    public CheckinSession session() { return session; }

    @Override
    public ScreenModel onFrame(Frame frame) {
        if (session == null) session = newSession.get();
        SessionView v = session.onFrame(frame);
        if (v.face() != null && (v.state() == SessionState.ALIGNING || v.state() == SessionState.FLASHING)) {
            lastFacePhoto = frame.image().cropAround(v.face(), 0.35); // the card's photo, in memory only
        }
        return toModel(v, frame.image().width());
    }

    @Override
    public ScreenModel tick(long nowNanos) {
        if (session == null) return null;
        return toModel(session.tick(nowNanos), 0);
    }

    @Override
    public void colourShown(int step, long timeNanos) {
        if (session != null) session.colourShown(step, timeNanos);
    }

    @Override
    public void reset() {
        if (session != null) session.reset();
        session = null; // the next frame starts a session with the settings as they are now
        planSequence = null;
        lastFacePhoto = null;
    }

    private int frameWidth;

    private ScreenModel toModel(SessionView v, int width) {
        if (width > 0) frameWidth = width;
        Oval o = v.oval();
        ScreenModel.OvalBox oval = o == null ? null : new ScreenModel.OvalBox(o.centerX(), o.centerY(), o.radiusX(), o.radiusY());
        switch (v.state()) {
            case IDLE -> {
                planSequence = null;
                return ScreenModel.idle();
            }
            case SEARCHING, ALIGNING -> {
                planSequence = null;
                Guidance g = v.guidance();
                ScreenModel.Cue cue = g == Guidance.NO_FACE ? ScreenModel.Cue.NONE
                        : g.isProblem() ? ScreenModel.Cue.ADJUST : ScreenModel.Cue.OK;
                return new ScreenModel(ScreenModel.Phase.ALIGNING, v.sentence(), cue, oval, frameWidth, null, v.progress(), null);
            }
            case FLASHING -> {
                ColourSequence seq = session.challenge();
                if (seq != planSequence) {
                    // the first FLASHING view carries the challenge's start time (the frame that started it)
                    planSequence = seq;
                    planStart = v.timeNanos();
                }
                ScreenModel.FlashPlan plan = seq == null || seq.isEmpty() ? null : new ScreenModel.FlashPlan(seq, planStart);
                return new ScreenModel(ScreenModel.Phase.FLASHING, v.sentence(), ScreenModel.Cue.OK, oval, frameWidth, plan,
                        v.progress(), null);
            }
            case ANALYSING -> {
                ScreenModel.FlashPlan plan = planSequence == null || planSequence.isEmpty() ? null
                        : new ScreenModel.FlashPlan(planSequence, planStart);
                return new ScreenModel(ScreenModel.Phase.ANALYSING, v.sentence(), ScreenModel.Cue.WAIT, oval, frameWidth, plan,
                        v.progress(), null);
            }
            case RESULT -> {
                planSequence = null;
                CheckinResult r = v.result();
                if (r != cardFor) {
                    cardFor = r;
                    cardModel = new ScreenModel(ScreenModel.Phase.RESULT, v.sentence(), ScreenModel.Cue.NONE, oval, frameWidth,
                            null, 1, card(r));
                }
                return cardModel;
            }
            default -> throw new IllegalStateException("unknown state " + v.state());
        }
    }

    /** The card for a result: words and an icon per outcome; never a score. */
    ResultCard card(CheckinResult r) {
        if (r == null) return new ResultCard(ResultCard.Kind.ERROR, "Please try again", "Something went wrong.", null, null, null, null, null);
        String name = r.match() != null ? r.match().name() : null;
        ZoneId z = zone.get();
        String time = r.punch() != null ? HM.format(r.punch().at().atZone(z)) : HM.format(r.at().atZone(z));
        String hours = r.match() != null && r.decision().punched() ? hoursToday.apply(r.match().personId()) : null;
        return switch (r.decision()) {
            case PUNCH_IN -> new ResultCard(ResultCard.Kind.CLOCKED_IN, "Clocked IN", null, name, "IN", time, hours, lastFacePhoto);
            case PUNCH_OUT -> new ResultCard(ResultCard.Kind.CLOCKED_OUT, "Clocked OUT", null, name, "OUT", time, hours, lastFacePhoto);
            case REVIEW -> new ResultCard(ResultCard.Kind.PENDING, "Recorded for review",
                    "Your punch was saved and a supervisor will confirm it.", name,
                    r.punch() != null ? r.punch().kind().name() : null, r.punch() != null ? time : null, null, lastFacePhoto);
            case ALREADY_PUNCHED -> new ResultCard(ResultCard.Kind.ALREADY, "Already recorded", r.message(), name, null, null, null,
                    lastFacePhoto);
            case UNKNOWN_PERSON -> new ResultCard(ResultCard.Kind.NOT_RECOGNISED, "Not recognised",
                    "Try again, or use your PIN.", null, null, null, null, null);
            case ATTACK -> new ResultCard(ResultCard.Kind.LIVENESS_FAILED, "Check failed",
                    "We could not confirm that a live person is in front of the camera. Try again, or use your PIN.",
                    null, null, null, null, null);
            case LOCKED -> new ResultCard(ResultCard.Kind.LOCKED, "Kiosk locked", r.message(), null, null, null, null, null);
            case ERROR -> new ResultCard(ResultCard.Kind.ERROR, "Please try again", r.message(), null, null, null, null, null);
        };
    }
}
