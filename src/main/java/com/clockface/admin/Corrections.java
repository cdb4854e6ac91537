package com.clockface.admin;

import com.clockface.store.Database;
import com.clockface.store.PeriodLockRepository;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.PunchRepository;
import com.clockface.timeclock.Correction;
import com.clockface.timeclock.CorrectionException;
import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchKind;
import com.clockface.timeclock.TimeclockSettings;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Punch corrections by an admin: add a missing punch, move one, delete one. The rules (reason
 * mandatory, no future times, approved periods locked) are {@link Correction}'s; the store
 * ({@link PunchRepository#apply}) writes the change and its audit record ("punch.correct") in one transaction. Times typed by an admin are wall-clock times in
 * the kiosk's zone.
 */
public final class Corrections {

    private final Database db;
    private final KioskSettings settings;
    private final PersonRepository persons;
    private final PunchRepository punches;
    private final PeriodLockRepository locks;

    public Corrections(Database db) {
        this.db = db;
        this.settings = new KioskSettings(db);
        this.persons = new PersonRepository(db);
        this.punches = new PunchRepository(db);
        this.locks = new PeriodLockRepository(db);
    }

    /** Adds a MANUAL punch for the person with that employee number at a local time of the kiosk's zone. */
    public Punch add(String employeeNo, PunchKind kind, LocalDateTime local, String reason, String actor) {
        Person p = Persons.require(persons, employeeNo);
        TimeclockSettings s = settings.timeclock();
        return add(p.id(), kind, Correction.resolveLocal(local, s.zone()), reason, actor);
    }

    /** Adds a MANUAL punch at an instant. */
    public Punch add(long personId, PunchKind kind, Instant at, String reason, String actor) {
        requireActor(actor);
        TimeclockSettings s = settings.timeclock();
        Correction c = Correction.add(personId, kind, at, s.zone(), reason, actor);
        return punches.apply(c.apply(null, db.now(), s, locks.list(null, null))).added();
    }

    /** Moves a punch to a local time of the kiosk's zone; returns the new punch (the old one is kept as DELETED). */
    public Punch move(long punchId, LocalDateTime local, String reason, String actor) {
        return move(punchId, Correction.resolveLocal(local, settings.zone()), reason, actor);
    }

    public Punch move(long punchId, Instant to, String reason, String actor) {
        requireActor(actor);
        TimeclockSettings s = settings.timeclock();
        Punch target = find(punchId);
        Correction c = Correction.move(target, to, s.zone(), reason, actor);
        return punches.apply(c.apply(target, db.now(), s, locks.list(null, null))).added();
    }

    /** Deletes a punch (status DELETED, kept for the audit trail); returns it. */
    public Punch delete(long punchId, String reason, String actor) {
        requireActor(actor);
        TimeclockSettings s = settings.timeclock();
        Punch target = find(punchId);
        Correction c = Correction.delete(target, reason, actor);
        return punches.apply(c.apply(target, db.now(), s, locks.list(null, null))).retired();
    }

    private Punch find(long id) {
        return punches.find(id).orElseThrow(() -> new CorrectionException(CorrectionException.Problem.NO_SUCH_PUNCH,
                "There is no punch with id " + id + "."));
    }

    static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("Every admin action needs the admin's name.");
    }
}
