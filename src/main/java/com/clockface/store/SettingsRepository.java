package com.clockface.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Key/value settings, stored as strings. Typed getters return the default when the key is absent;
 * a present but malformed value is an error (a typo in a setting must not silently become the default).
 * Keys starting with {@code crypto.} are internal and cannot be changed here.
 */
public final class SettingsRepository {

    private final Database db;

    public SettingsRepository(Database db) { this.db = db; }

    public Optional<String> get(String key) {
        return Optional.ofNullable(db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }));
    }

    public String getString(String key, String def) { return get(key).orElse(def); }

    public int getInt(String key, int def) {
        Optional<String> v = get(key);
        if (v.isEmpty()) return def;
        try {
            return Integer.parseInt(v.get().trim());
        } catch (NumberFormatException e) {
            throw bad(key, v.get(), "a whole number");
        }
    }

    public double getDouble(String key, double def) {
        Optional<String> v = get(key);
        if (v.isEmpty()) return def;
        try {
            return Double.parseDouble(v.get().trim());
        } catch (NumberFormatException e) {
            throw bad(key, v.get(), "a number");
        }
    }

    public boolean getBoolean(String key, boolean def) {
        Optional<String> v = get(key);
        if (v.isEmpty()) return def;
        String s = v.get().trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("true") || s.equals("yes") || s.equals("1")) return true;
        if (s.equals("false") || s.equals("no") || s.equals("0")) return false;
        throw bad(key, v.get(), "true or false");
    }

    /** Sets (or replaces) a value; null removes the key. */
    public void set(String key, String value) {
        if (key == null || key.isBlank()) throw new IllegalArgumentException("A setting needs a name.");
        if (key.startsWith("crypto.")) throw new IllegalArgumentException("The setting " + key + " is internal and cannot be changed.");
        db.write("saving the setting " + key, c -> {
            String sql = value == null ? "DELETE FROM settings WHERE key = ?"
                    : "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, key);
                if (value != null) ps.setString(2, value);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Sets (null: removes) a value and audits the change with old and new value in the same
     * transaction ({@code settings.set}); does nothing when the value is unchanged.
     */
    public void set(String key, String value, String actor) {
        if (key == null || key.isBlank()) throw new IllegalArgumentException("A setting needs a name.");
        if (key.startsWith("crypto.")) throw new IllegalArgumentException("The setting " + key + " is internal and cannot be changed.");
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("Changing a setting needs the admin's name.");
        java.time.Instant now = db.now();
        db.write("saving the setting " + key, c -> {
            String old;
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    old = rs.next() ? rs.getString(1) : null;
                }
            }
            if (java.util.Objects.equals(old, value)) return 0;
            String sql = value == null ? "DELETE FROM settings WHERE key = ?"
                    : "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, key);
                if (value != null) ps.setString(2, value);
                ps.executeUpdate();
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("old", old);
            d.put("new", value);
            AuditLog.append(c, now, actor, "settings.set", "setting:" + key, d);
            return 1;
        });
    }

    public void set(String key, int value) { set(key, Integer.toString(value)); }

    public void set(String key, double value) { set(key, Double.toString(value)); }

    public void set(String key, boolean value) { set(key, Boolean.toString(value)); }

    /** Sets several values in one transaction (e.g. {@code TimeclockSettings.toProperties()}). */
    public void setAll(Map<String, String> values) {
        for (String key : values.keySet()) {
            if (key == null || key.isBlank() || key.startsWith("crypto.")) {
                throw new IllegalArgumentException("The setting " + key + " cannot be changed.");
            }
        }
        db.write("saving the settings", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings (key, value) VALUES (?, ?) "
                    + "ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                for (Map.Entry<String, String> e : values.entrySet()) {
                    if (e.getValue() == null) continue;
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** All user-visible settings, sorted by key. */
    public Map<String, String> all() {
        return db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM settings WHERE key NOT LIKE 'crypto.%' ORDER BY key");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    private static IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException("The setting " + key + " is \"" + value + "\" but must be " + expected
                + ". Fix it with: clockface settings set " + key + " VALUE");
    }
}
