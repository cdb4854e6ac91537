package com.clockface.admin;

import com.clockface.store.AppHome;
import com.clockface.store.AuditLog;
import com.clockface.store.CheckEventRepository;
import com.clockface.store.Database;
import com.clockface.store.PersonRepository;
import com.clockface.store.TemplateRepository;

/**
 * Every admin service over one data folder, for the admin screens and the command line.
 * Opening is cheap (the database keeps no connection open).
 */
public final class AdminServices {

    private final AppHome home;
    private final Database db;
    private final KioskSettings settings;
    private final AdminAccounts accounts;
    private final Corrections corrections;
    private final Timesheets timesheets;
    private final ReviewQueue review;
    private final RetentionPurge purge;
    private final int hashIterations;

    public AdminServices(AppHome home, Database db) {
        this(home, db, com.clockface.store.SecretHash.DEFAULT_ITERATIONS);
    }

    /** With a PBKDF2 cost for new admin secrets and worker PINs (tests use a lower one). */
    public AdminServices(AppHome home, Database db, int hashIterations) {
        this.home = home;
        this.db = db;
        this.settings = new KioskSettings(db);
        this.accounts = new AdminAccounts(db, hashIterations);
        this.hashIterations = hashIterations;
        this.corrections = new Corrections(db);
        this.timesheets = new Timesheets(db);
        this.review = new ReviewQueue(db);
        this.purge = new RetentionPurge(home, db);
    }

    /** Opens (creating on first use) the database of {@code home}. */
    public static AdminServices open(AppHome home) {
        return new AdminServices(home, Database.open(home));
    }

    public AppHome home() { return home; }

    public Database database() { return db; }

    public KioskSettings settings() { return settings; }

    public AdminAccounts accounts() { return accounts; }

    public Corrections corrections() { return corrections; }

    public Timesheets timesheets() { return timesheets; }

    public ReviewQueue review() { return review; }

    public RetentionPurge purge() { return purge; }

    public PersonRepository persons() { return new PersonRepository(db); }

    public TemplateRepository templates() { return new TemplateRepository(db); }

    public CheckEventRepository events() { return new CheckEventRepository(db); }

    public AuditLog audit() { return new AuditLog(db); }

    /** PBKDF2 cost for new secrets. */
    public int hashIterations() { return hashIterations; }
}
