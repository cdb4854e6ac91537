package com.clockface.admin;

import com.clockface.checkin.EnrolmentException;
import com.clockface.checkin.FaceEngine;
import com.clockface.gallery.Candidate;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.SecretHash;
import com.clockface.store.Template;
import com.clockface.store.TemplateSource;
import com.clockface.vision.FaceQuality;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Enrolment by an admin (the worker PIN is a {@link SecretHash}; the kiosk checks it with
 * {@code SecretHash.verify}): a new person (employee number, name, collection, worker PIN, recorded consent)
 * and a face template from a trusted photo. A photo is refused with a specific reason: not PNG, JPEG or
 * JPEG 2000; larger than 2 MB; no face, several faces, eyes closer than 85 px, turned, blurred, badly
 * exposed (the rules are {@link FaceQuality.Rules#TRUSTED_PHOTO}). Before saving, a 1:N search warns
 * when the face already belongs to someone else.
 */
public final class Enrolment {

    public static final int MIN_WORKER_PIN_DIGITS = 4;
    public static final int MAX_WORKER_PIN_DIGITS = 8;

    /** A photo that passed the checks, ready to save; {@code lookalikes} are other enrolled people it resembles. */
    public record CheckedPhoto(Path file, FaceEngine.PreparedTemplate template, List<Lookalike> lookalikes) {
        public boolean duplicateSuspected() { return !lookalikes.isEmpty(); }
    }

    /** An enrolled person the photo resembles. */
    public record Lookalike(long personId, String employeeNo, String name, double score) { }

    /** A refused photo: the sentence to show. */
    public static final class PhotoRefused extends Exception {
        public PhotoRefused(String message) { super(message); }
    }

    private final Database db;
    private final KioskSettings settings;
    private final PersonRepository persons;
    private final int pinIterations;

    public Enrolment(Database db) { this(db, SecretHash.DEFAULT_ITERATIONS); }

    /** With a PBKDF2 cost for worker PINs (tests use a lower one). */
    public Enrolment(Database db, int pinIterations) {
        this.db = db;
        this.settings = new KioskSettings(db);
        this.persons = new PersonRepository(db);
        this.pinIterations = pinIterations;
    }

    /**
     * Checks a trusted photo and embeds it (model work: call it off the screen thread).
     *
     * @param enrollingPersonId the person being enrolled (excluded from the duplicate check), or 0 for a new one
     */
    public CheckedPhoto checkPhoto(FaceEngine engine, Path file, long enrollingPersonId) throws PhotoRefused {
        Objects.requireNonNull(engine, "engine");
        FaceEngine.PreparedTemplate t;
        try {
            t = engine.prepareTrustedPhoto(file, enrollingPersonId); // file rules, then the ISO-style face rules
        } catch (EnrolmentException e) {
            throw new PhotoRefused("The photo was refused: " + e.getMessage());
        }
        List<Lookalike> looks = new ArrayList<>();
        for (Candidate c : t.lookalikes()) {
            Person p = persons.findById(c.personId()).orElse(null);
            if (p == null) continue;
            looks.add(new Lookalike(p.id(), p.employeeNo(), Persons.displayName(p), c.score()));
        }
        return new CheckedPhoto(file, t, List.copyOf(looks));
    }

    /**
     * Creates the person with hashed PIN (may be null: no PIN fallback) and recorded consent, audited.
     *
     * @param consentGiven the person read and accepted the consent text shown ({@link KioskSettings#consentText()})
     */
    public Person createPerson(String employeeNo, String name, String collection, String pin, boolean consentGiven, String actor) {
        Corrections.requireActor(actor);
        if (!consentGiven) {
            throw new IllegalArgumentException("The person must read and accept the consent text before their face is enrolled.");
        }
        String pinHash = null;
        if (pin != null && !pin.isEmpty()) {
            checkWorkerPin(pin);
            pinHash = SecretHash.hash(pin.toCharArray(), pinIterations);
        }
        Person p = Person.newPerson(employeeNo, name, collection).withPinHash(pinHash)
                .withConsent(settings.consentText(), db.now(), actor);
        return persons.create(p, actor);
    }

    /** Saves the template of a checked photo for the person (encrypted; the engine's gallery learns it at once). */
    public Template saveTemplate(FaceEngine engine, long personId, CheckedPhoto photo, String actor) {
        Corrections.requireActor(actor);
        return engine.saveTemplate(personId, photo.template(), TemplateSource.UPLOAD, actor);
    }

    /** A worker PIN: 4 to 8 digits, not one repeated digit. */
    public static void checkWorkerPin(String pin) {
        if (!pin.chars().allMatch(ch -> ch >= '0' && ch <= '9')) throw new IllegalArgumentException("A PIN has digits only.");
        if (pin.length() < MIN_WORKER_PIN_DIGITS || pin.length() > MAX_WORKER_PIN_DIGITS) {
            throw new IllegalArgumentException("A PIN has " + MIN_WORKER_PIN_DIGITS + " to " + MAX_WORKER_PIN_DIGITS + " digits.");
        }
        if (pin.chars().distinct().count() == 1) throw new IllegalArgumentException("A PIN of one repeated digit is too easy to guess.");
    }
}
