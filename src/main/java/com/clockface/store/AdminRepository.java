package com.clockface.store;

import com.clockface.store.StoreException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Admin accounts: a name and a hashed PIN or password ({@link SecretHash}), locked for a while after
 * too many failed tries (settings {@value #SETTING_MAX_TRIES}, default 5, and
 * {@value #SETTING_LOCK_MINUTES}, default 15). Creation, changes, failures and lockouts are audited.
 */
public final class AdminRepository {

    public static final String SETTING_MAX_TRIES = "admin.max_failed_tries";
    public static final String SETTING_LOCK_MINUTES = "admin.lock_minutes";

    /** An admin account (no secret hash: it never leaves the store). */
    public record Admin(long id, String name, int failedTries, Instant lockedUntil, Instant createdAt) { }

    /** Outcome of {@link #authenticate}. */
    public enum Outcome { OK, WRONG_SECRET, LOCKED, UNKNOWN }

    /** @param lockedUntil set when the outcome is LOCKED (or the failure just locked the account) */
    public record Result(Outcome outcome, Admin admin, Instant lockedUntil, int triesLeft) {
        public boolean ok() { return outcome == Outcome.OK; }
    }

    private final Database db;
    private final int iterations;

    public AdminRepository(Database db) {
        this(db, SecretHash.DEFAULT_ITERATIONS);
    }

    /** With a custom PBKDF2 cost (tests use a low one to stay fast). */
    public AdminRepository(Database db, int iterations) {
        this.db = db;
        this.iterations = iterations;
    }

    /** True when no admin exists yet (first-run set-up). */
    public boolean none() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM admin")) {
                rs.next();
                return rs.getInt(1) == 0;
            }
        });
    }

    /**
     * Creates an admin. The secret array is wiped afterwards.
     *
     * @throws StoreException CONFLICT when the name is taken (names compare case-insensitively)
     */
    public Admin create(String name, char[] secret, String actor) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("An admin needs a name.");
        String n = name.trim();
        String hash;
        try {
            hash = SecretHash.hash(secret, iterations);
        } finally {
            SecretHash.wipe(secret);
        }
        Instant now = db.now();
        return db.write("saving the admin " + n, c -> {
            if (find(c, n).isPresent()) {
                throw new StoreException(Reason.CONFLICT, "An admin named " + n + " exists already. Choose another name.");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO admin (name, secret_hash, failed_tries, created_at) VALUES (?, ?, 0, ?)")) {
                ps.setString(1, n);
                ps.setString(2, hash);
                ps.setLong(3, now.toEpochMilli());
                ps.executeUpdate();
            }
            AuditLog.append(c, now, actor, "admin.create", "admin:" + n, null);
            return find(c, n).orElseThrow();
        });
    }

    public Optional<Admin> find(String name) {
        return db.read(c -> find(c, name.trim()));
    }

    public List<Admin> list() {
        return db.read(c -> {
            List<Admin> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM admin ORDER BY name COLLATE NOCASE")) {
                while (rs.next()) out.add(map(rs));
            }
            return out;
        });
    }

    /**
     * Checks a name and secret. A wrong secret counts a failed try; reaching the maximum locks the
     * account for the lock time; a success resets the count. A locked account is refused without
     * checking the secret. The secret array is wiped afterwards.
     */
    public Result authenticate(String name, char[] secret) {
        SettingsRepository settings = new SettingsRepository(db);
        int maxTries = Math.max(1, settings.getInt(SETTING_MAX_TRIES, 5));
        Duration lock = Duration.ofMinutes(Math.max(1, settings.getInt(SETTING_LOCK_MINUTES, 15)));
        String n = name == null ? "" : name.trim();
        try {
            Optional<String> hash = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT secret_hash FROM admin WHERE name = ?")) {
                    ps.setString(1, n);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                    }
                }
            });
            if (hash.isEmpty()) return new Result(Outcome.UNKNOWN, null, null, 0);
            Instant now = db.now();
            Admin before = find(n).orElseThrow();
            if (before.lockedUntil() != null && before.lockedUntil().isAfter(now)) {
                return new Result(Outcome.LOCKED, before, before.lockedUntil(), 0);
            }
            boolean ok = SecretHash.verify(secret, hash.get()); // slow on purpose: outside the write lock
            return db.write("recording the sign-in", c -> {
                Admin a = find(c, n).orElseThrow();
                if (ok) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE admin SET failed_tries = 0, locked_until = NULL WHERE id = ?")) {
                        ps.setLong(1, a.id());
                        ps.executeUpdate();
                    }
                    return new Result(Outcome.OK, find(c, n).orElseThrow(), null, maxTries);
                }
                int tries = a.failedTries() + 1;
                Instant until = tries >= maxTries ? now.plus(lock) : null;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE admin SET failed_tries = ?, locked_until = ? WHERE id = ?")) {
                    ps.setInt(1, until != null ? 0 : tries);
                    Sql.setInstant(ps, 2, until);
                    ps.setLong(3, a.id());
                    ps.executeUpdate();
                }
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("failed_tries", tries);
                if (until != null) d.put("locked_until", until.toString());
                AuditLog.append(c, now, n, until != null ? "admin.locked" : "admin.sign_in_failed", "admin:" + n, d);
                return new Result(until != null ? Outcome.LOCKED : Outcome.WRONG_SECRET, find(c, n).orElseThrow(), until,
                        until != null ? 0 : maxTries - tries);
            });
        } finally {
            SecretHash.wipe(secret);
        }
    }

    /** Replaces an admin's secret and clears any lock. Audited. */
    public void changeSecret(String name, char[] secret, String actor) {
        String hash;
        try {
            hash = SecretHash.hash(secret, iterations);
        } finally {
            SecretHash.wipe(secret);
        }
        Instant now = db.now();
        db.write("changing the admin secret", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE admin SET secret_hash = ?, failed_tries = 0, locked_until = NULL WHERE name = ?")) {
                ps.setString(1, hash);
                ps.setString(2, name.trim());
                if (ps.executeUpdate() == 0) throw new StoreException(Reason.CONFLICT, "There is no admin named " + name + ".");
            }
            AuditLog.append(c, now, actor, "admin.change_secret", "admin:" + name.trim(), null);
            return null;
        });
    }

    /** Deletes an admin; refuses to delete the last one. Audited. */
    public void delete(String name, String actor) {
        Instant now = db.now();
        db.write("deleting the admin", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM admin")) {
                rs.next();
                if (rs.getInt(1) <= 1) {
                    throw new StoreException(Reason.CONFLICT, "The last admin cannot be deleted; create another admin first.");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM admin WHERE name = ?")) {
                ps.setString(1, name.trim());
                if (ps.executeUpdate() == 0) throw new StoreException(Reason.CONFLICT, "There is no admin named " + name + ".");
            }
            AuditLog.append(c, now, actor, "admin.delete", "admin:" + name.trim(), null);
            return null;
        });
    }

    private static Optional<Admin> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM admin WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static Admin map(ResultSet rs) throws SQLException {
        return new Admin(rs.getLong("id"), rs.getString("name"), rs.getInt("failed_tries"),
                Sql.getInstant(rs, "locked_until"), Sql.getInstant(rs, "created_at"));
    }
}
