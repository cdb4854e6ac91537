package com.clockface.admin;

import com.clockface.store.CheckEvent;
import com.clockface.store.CheckEventRepository;
import com.clockface.store.Database;
import com.clockface.store.PeriodLockRepository;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.PunchRepository;
import com.clockface.store.ReviewState;
import com.clockface.timeclock.PeriodLock;
import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchStatus;
import com.clockface.timeclock.TimeclockSettings;
import com.clockface.timeclock.Workdays;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The review queue: check-ins the kiosk could not settle alone (liveness REVIEW, PIN punches, suspected
 * attacks), stored as check events in review state PENDING, usually with a PENDING punch. Approving makes
 * that punch count (CONFIRMED); rejecting marks it REJECTED. Both are audited (the event's review and
 * the punch's status change).
 */
public final class ReviewQueue {

    /** One queue entry: the event, who it is about (may be null: unknown face), and its punches. */
    public record Item(CheckEvent event, Person person, List<Punch> punches) {
        public String personLabel() {
            return person == null ? "unknown person" : person.employeeNo() + " " + Persons.displayName(person);
        }
    }

    private final Database db;
    private final CheckEventRepository events;
    private final PersonRepository persons;
    private final PunchRepository punches;
    private final PeriodLockRepository locks;
    private final KioskSettings settings;

    public ReviewQueue(Database db) {
        this.db = db;
        this.events = new CheckEventRepository(db);
        this.persons = new PersonRepository(db);
        this.punches = new PunchRepository(db);
        this.locks = new PeriodLockRepository(db);
        this.settings = new KioskSettings(db);
    }

    /** Events waiting for review, newest first. */
    public List<Item> pending(int limit) {
        List<Item> out = new ArrayList<>();
        for (CheckEvent e : events.listByReviewState(ReviewState.PENDING, limit)) out.add(item(e));
        return out;
    }

    public Optional<Item> find(long eventId) {
        return events.find(eventId).map(this::item);
    }

    /**
     * Opens the saved recording of a check event for replay; audited ({@code check_event.replay}), since it shows
     * biometric data.
     */
    public CapsuleReplay replay(com.clockface.store.AppHome home, long eventId, String actor) throws java.io.IOException {
        Corrections.requireActor(actor);
        CheckEvent e = events.find(eventId).orElseThrow(() -> new IllegalArgumentException("There is no check event with id " + eventId + "."));
        CapsuleReplay r = CapsuleReplay.of(home, db.crypto(), e);
        new com.clockface.store.AuditLog(db).append(actor, "check_event.replay", "check_event:" + eventId, java.util.Map.of("frames", r.size()));
        return r;
    }

    /** The decrypted evidence frame (JPEG bytes), if kept. */
    public Optional<byte[]> evidence(long eventId) { return events.loadEvidence(eventId); }

    /** Approves: the event's PENDING punches become CONFIRMED (they count). */
    public Item approve(long eventId, String actor, String note) {
        return decide(eventId, ReviewState.APPROVED, PunchStatus.CONFIRMED, actor, note);
    }

    /** Rejects: the event's PENDING punches become REJECTED. */
    public Item reject(long eventId, String actor, String note) {
        return decide(eventId, ReviewState.REJECTED, PunchStatus.REJECTED, actor, note);
    }

    private Item decide(long eventId, ReviewState state, PunchStatus punchStatus, String actor, String note) {
        Corrections.requireActor(actor);
        CheckEvent e = events.find(eventId).orElseThrow(() -> new IllegalArgumentException("There is no check event with id " + eventId + "."));
        if (e.reviewState() != ReviewState.PENDING) {
            throw new IllegalArgumentException("Check event " + eventId + " is not waiting for review (it is "
                    + e.reviewState().name().toLowerCase() + ").");
        }
        List<Punch> pending = punches.findByCheckEvent(eventId).stream().filter(p -> p.status() == PunchStatus.PENDING).toList();
        TimeclockSettings s = settings.timeclock();
        List<PeriodLock> all = locks.list(null, null);
        for (Punch p : pending) {
            PeriodLock l = PeriodLock.find(all, p.personId(), Workdays.workdayOf(p, s));
            if (l != null) {
                throw new IllegalArgumentException("The punch of this check-in falls on " + Workdays.workdayOf(p, s)
                        + ", in the approved period " + l.from() + " to " + l.to() + ". Unlock that period first.");
            }
        }
        String reason = note == null || note.isBlank() ? "review " + state.name().toLowerCase() : note.strip();
        for (Punch p : pending) punches.setStatus(p.id(), punchStatus, actor, reason);
        events.setReviewState(eventId, state, actor, note == null || note.isBlank() ? null : note.strip());
        return find(eventId).orElseThrow();
    }

    private Item item(CheckEvent e) {
        Person p = e.personId() == null ? null : persons.findById(e.personId()).orElse(null);
        return new Item(e, p, punches.findByCheckEvent(e.id()));
    }

    public Database database() { return db; }
}
