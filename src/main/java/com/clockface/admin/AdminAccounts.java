package com.clockface.admin;

import com.clockface.store.AdminRepository;
import com.clockface.store.AuditLog;
import com.clockface.store.Database;
import com.clockface.store.SecretHash;
import java.time.Instant;
import java.util.List;

/**
 * Admin accounts for the screens and the command line, over {@link AdminRepository} (PBKDF2-HMAC-SHA256
 * hashes, lockout after {@link KioskSettings#ADMIN_LOCKOUT_AFTER} wrong tries for
 * {@link KioskSettings#ADMIN_LOCKOUT_MINUTES}, audited). Adds the secret rules, the first-run rule and
 * a sign-in by PIN alone when there is a single admin (the kiosk's PIN pad).
 *
 * <p>First run: {@link #exists()} is false, and the kiosk (or {@code clockface admin create}) calls
 * {@link #createFirst}. A secret is either a PIN of at least 6 digits or a password of at least 8 characters.
 */
public final class AdminAccounts {

    public static final int MIN_PIN_DIGITS = 6;
    public static final int MIN_PASSWORD_CHARS = 8;

    /** A signed-in admin; {@link #name()} is the actor of every audited action they take. */
    public record Admin(long id, String name) { }

    /** Why a sign-in failed, with a sentence for the screen. */
    public static final class LoginException extends RuntimeException {
        public enum Reason { NO_ADMIN_YET, UNKNOWN_NAME, WRONG_SECRET, LOCKED, NAME_NEEDED }

        private final Reason reason;
        private final Instant lockedUntil;
        private final int triesLeft;

        LoginException(Reason reason, String message, Instant lockedUntil, int triesLeft) {
            super(message);
            this.reason = reason;
            this.lockedUntil = lockedUntil;
            this.triesLeft = triesLeft;
        }

        public Reason reason() { return reason; }

        /** For LOCKED: when the account opens again. */
        public Instant lockedUntil() { return lockedUntil; }

        /** For WRONG_SECRET: wrong tries left before the lock. */
        public int triesLeft() { return triesLeft; }
    }

    private final Database db;
    private final AdminRepository repo;
    private final KioskSettings settings;

    public AdminAccounts(Database db) { this(db, SecretHash.DEFAULT_ITERATIONS); }

    /** With a PBKDF2 cost for new hashes (tests use a lower one). */
    public AdminAccounts(Database db, int iterations) {
        this.db = db;
        this.repo = new AdminRepository(db, iterations);
        this.settings = new KioskSettings(db);
    }

    /** Whether any admin account exists (false on the first run). */
    public boolean exists() { return !repo.none(); }

    /** The account names, sorted. */
    public List<String> names() { return repo.list().stream().map(AdminRepository.Admin::name).toList(); }

    /**
     * First run: creates the first admin; refused once an admin exists, so a kiosk's set-up screen cannot
     * be used to add another one later.
     *
     * @param actor who does it, for the audit ("kiosk:<name>", "cli:<user>")
     */
    public Admin createFirst(String name, String secret, String actor) {
        String n = checkName(name);
        checkSecret(secret);
        if (exists()) throw new IllegalArgumentException("An admin account exists already; sign in as that admin to add another one.");
        AdminRepository.Admin a = repo.create(n, secret.toCharArray(), actor == null || actor.isBlank() ? n : actor.strip());
        return new Admin(a.id(), a.name());
    }

    /** Adds another admin; {@code by} is the signed-in admin who does it. */
    public Admin create(String name, String secret, Admin by) {
        if (by == null) throw new IllegalArgumentException("Only a signed-in admin can add another admin.");
        return create(name, secret, by.name());
    }

    /**
     * Adds an admin on behalf of {@code actor} (the command line on the kiosk's own machine, where whoever
     * can run it can read the database anyway); audited with that actor.
     */
    public Admin create(String name, String secret, String actor) {
        Corrections.requireActor(actor);
        String n = checkName(name);
        checkSecret(secret);
        AdminRepository.Admin a = repo.create(n, secret.toCharArray(), actor.strip());
        return new Admin(a.id(), a.name());
    }

    /** An account as the screens list it (never its hash). */
    public record Account(String name, Instant createdAt, Instant lockedUntil) {
        public boolean locked(Instant now) { return lockedUntil != null && lockedUntil.isAfter(now); }
    }

    /** Every admin account, sorted by name. */
    public List<Account> list() {
        return repo.list().stream().map(a -> new Account(a.name(), a.createdAt(), a.lockedUntil())).toList();
    }

    /**
     * The signed-in admin changes their own secret: the current one is checked first (a wrong one counts as a
     * failed sign-in, so the lockout applies), then the new one must follow the secret rules.
     *
     * @throws LoginException the current secret is wrong, or the account is locked
     */
    public void changeOwnSecret(Admin me, String current, String newSecret) {
        if (me == null) throw new IllegalArgumentException("Only a signed-in admin can change a secret.");
        checkSecret(newSecret);
        if (newSecret.equals(current)) throw new IllegalArgumentException("The new PIN or password is the same as the current one.");
        login(me.name(), current);
        repo.changeSecret(me.name(), newSecret.toCharArray(), me.name());
    }

    /**
     * Sets an admin's secret on behalf of {@code actor} (the command line on the kiosk's machine: the way back in
     * after a forgotten PIN); clears a lock; audited with that actor.
     */
    public void resetSecret(String name, String newSecret, String actor) {
        Corrections.requireActor(actor);
        checkSecret(newSecret);
        repo.changeSecret(checkName(name), newSecret.toCharArray(), actor.strip());
    }

    /** Changes an admin's secret (clears a lock); audited with {@code by}. */
    public void changeSecret(String name, String newSecret, Admin by) {
        if (by == null) throw new IllegalArgumentException("Only a signed-in admin can change a secret.");
        checkSecret(newSecret);
        repo.changeSecret(name, newSecret.toCharArray(), by.name());
    }

    /**
     * Signs in. {@code name} may be null or blank when exactly one admin exists (the kiosk then asks
     * only for the PIN). A successful sign-in is audited as {@code admin.sign_in}; failures and locks are
     * audited by the store.
     *
     * @throws LoginException with the reason and a sentence for the screen
     */
    public Admin login(String name, String secret) {
        String n = name;
        if (n == null || n.isBlank()) {
            List<AdminRepository.Admin> all = repo.list();
            if (all.isEmpty()) throw new LoginException(LoginException.Reason.NO_ADMIN_YET,
                    "No admin account exists yet; create one first.", null, 0);
            if (all.size() > 1) throw new LoginException(LoginException.Reason.NAME_NEEDED,
                    "There are several admins; enter your admin name too.", null, 0);
            n = all.get(0).name();
        }
        AdminRepository.Result r = repo.authenticate(n, secret == null ? new char[0] : secret.toCharArray());
        switch (r.outcome()) {
            case OK -> {
                new AuditLog(db).append(r.admin().name(), "admin.sign_in", "admin:" + r.admin().name(), null);
                return new Admin(r.admin().id(), r.admin().name());
            }
            case UNKNOWN -> {
                if (!exists()) throw new LoginException(LoginException.Reason.NO_ADMIN_YET,
                        "No admin account exists yet; create one first.", null, 0);
                throw new LoginException(LoginException.Reason.UNKNOWN_NAME, "Wrong admin name or PIN/password.", null, 0);
            }
            case LOCKED -> throw new LoginException(LoginException.Reason.LOCKED, "Too many wrong tries: the admin account "
                    + r.admin().name() + " is locked until " + local(r.lockedUntil()) + ".", r.lockedUntil(), 0);
            default -> throw new LoginException(LoginException.Reason.WRONG_SECRET, "Wrong PIN or password ("
                    + r.triesLeft() + (r.triesLeft() == 1 ? " try" : " tries") + " left before the account is locked).",
                    null, r.triesLeft());
        }
    }

    private String local(Instant t) {
        return t.atZone(settings.zone()).toLocalTime().withNano(0).toString();
    }

    static String checkName(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("An admin needs a name.");
        String n = name.strip();
        if (n.length() > 60) throw new IllegalArgumentException("An admin name is at most 60 characters.");
        if (n.chars().anyMatch(Character::isISOControl)) throw new IllegalArgumentException("An admin name cannot contain control characters.");
        return n;
    }

    /** A PIN of at least 6 digits, or a password of at least 8 characters that is not all digits. */
    public static void checkSecret(String secret) {
        if (secret == null || secret.isEmpty()) throw new IllegalArgumentException("Enter a PIN or password.");
        boolean digits = secret.chars().allMatch(Character::isDigit);
        if (digits && secret.length() < MIN_PIN_DIGITS) {
            throw new IllegalArgumentException("An admin PIN needs at least " + MIN_PIN_DIGITS + " digits.");
        }
        if (!digits && secret.length() < MIN_PASSWORD_CHARS) {
            throw new IllegalArgumentException("An admin password needs at least " + MIN_PASSWORD_CHARS + " characters.");
        }
        if (digits && secret.chars().distinct().count() == 1) {
            throw new IllegalArgumentException("A PIN of one repeated digit is too easy to guess.");
        }
        if (secret.strip().length() != secret.length()) {
            throw new IllegalArgumentException("A PIN or password cannot start or end with a space.");
        }
    }
}
