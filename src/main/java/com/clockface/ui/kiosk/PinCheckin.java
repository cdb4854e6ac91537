package com.clockface.ui.kiosk;

import com.clockface.store.CheckEvent;
import com.clockface.store.CheckEventRepository;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.PunchRepository;
import com.clockface.store.ReviewState;
import com.clockface.store.SecretHash;
import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchDecision;
import com.clockface.timeclock.PunchSource;
import com.clockface.timeclock.PunchStatus;
import com.clockface.timeclock.TimeclockSettings;
import com.clockface.vision.BgrImage;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The PIN fallback: employee number + PIN. A PIN punch is PENDING (an admin confirms it: a PIN proves
 * less than a face) and keeps the current camera frame as evidence for that review. After
 * {@code maxTries} wrong entries in a row the PIN pad is locked for a while. Not thread-safe: one
 * worker thread at a time (PBKDF2 takes most of a second; never on the FX thread).
 */
final class PinCheckin {
    static final String SETTING_LOCKOUT_AFTER = com.clockface.admin.KioskSettings.PIN_LOCKOUT_AFTER.name();
    static final String SETTING_LOCKOUT_MINUTES = com.clockface.admin.KioskSettings.PIN_LOCKOUT_MINUTES.name();

    enum Kind { PUNCHED, ALREADY, WRONG, LOCKED }

    record Outcome(Kind kind, String message, Person person, Punch punch, int triesLeft, Instant lockedUntil) { }

    private final Database db;
    private final String kiosk;
    private final TimeclockSettings rules;
    private final Clock clock;
    private final int maxTries;
    private final Duration lockout;
    private int wrong;
    private Instant lockedUntil;

    PinCheckin(Database db, String kiosk, TimeclockSettings rules, int maxTries, Duration lockout, Clock clock) {
        this.db = db;
        this.kiosk = kiosk;
        this.rules = rules;
        this.maxTries = Math.max(1, maxTries);
        this.lockout = lockout;
        this.clock = clock;
    }

    /** Locked until this instant, or null. */
    synchronized Instant lockedUntil() {
        if (lockedUntil != null && !clock.instant().isBefore(lockedUntil)) {
            lockedUntil = null;
            wrong = 0;
        }
        return lockedUntil;
    }

    /**
     * Checks the PIN and records the punch.
     *
     * @param evidence the camera frame at the time of the entry (may be null when the camera is down)
     */
    synchronized Outcome punch(String employeeNo, char[] pin, BgrImage evidence) {
        try {
            Instant locked = lockedUntil();
            if (locked != null) return lockedOutcome(locked);
            Person p = new PersonRepository(db).findByEmployeeNo(employeeNo.strip()).orElse(null);
            // the same answer for an unknown number and a wrong PIN: the pad must not reveal who works here
            boolean ok = p != null && p.active() && p.pinHash() != null && SecretHash.verify(pin, p.pinHash());
            if (!ok) {
                wrong++;
                if (wrong >= maxTries) {
                    lockedUntil = clock.instant().plus(lockout);
                    return lockedOutcome(lockedUntil);
                }
                int left = maxTries - wrong;
                return new Outcome(Kind.WRONG, "Employee number or PIN is not right. " + left
                        + (left == 1 ? " try" : " tries") + " left.", null, null, left, null);
            }
            wrong = 0;
            Instant now = clock.instant();
            PunchRepository punches = new PunchRepository(db);
            List<Punch> recent = punches.listByPerson(p.id(), now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(1)));
            PunchDecision d = PunchDecision.decide(p.id(), recent, now, rules);
            if (d.alreadyPunched()) {
                return new Outcome(Kind.ALREADY, d.alreadyPunchedText(rules.zone()), p, d.previous(), maxTries, null);
            }
            CheckEvent ev = new CheckEventRepository(db).insert(CheckEvent.of(now, kiosk, p.id(), "PIN_PUNCH", "NONE",
                    null, null, null, ReviewState.PENDING).withNote("PIN entry at the kiosk"), jpeg(evidence));
            Punch saved = punches.insert(new Punch(0, p.id(), d.kind(), now, rules.zone(), kiosk, PunchSource.PIN,
                    PunchStatus.PENDING, ev.id(), null));
            return new Outcome(Kind.PUNCHED, null, p, saved, maxTries, null);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private Outcome lockedOutcome(Instant until) {
        long min = Math.max(1, (Duration.between(clock.instant(), until).toSeconds() + 59) / 60);
        return new Outcome(Kind.LOCKED, "Too many wrong entries. PIN entry is locked for " + min
                + (min == 1 ? " minute." : " minutes.") + " Ask a supervisor if you need help.", null, null, 0, until);
    }

    static byte[] jpeg(BgrImage img) {
        if (img == null) return null;
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img.toBufferedImage(), "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            return null;
        }
    }
}
