package com.clockface.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit trail: who changed what, when. Repositories append to it inside the same transaction as
 * the change, so a change without its audit record cannot exist. Never put biometric data or PINs in
 * a detail.
 */
public final class AuditLog {

    /** One audit row; {@code detail} is a JSON object text or null. */
    public record Entry(long id, Instant at, String actor, String action, String target, String detail) { }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;

    public AuditLog(Database db) { this.db = db; }

    /** Appends an entry in its own transaction. {@code detail} may be null; it is stored as JSON. */
    public Entry append(String actor, String action, String target, Map<String, ?> detail) {
        Instant at = db.now();
        return db.write("writing the audit log", c -> append(c, at, actor, action, target, detail));
    }

    /** Appends inside the caller's transaction. */
    static Entry append(Connection c, Instant at, String actor, String action, String target, Map<String, ?> detail)
            throws SQLException {
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("An audit entry needs an actor.");
        String json = toJson(detail);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, target);
            ps.setString(5, json);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return new Entry(k.getLong(1), at, actor, action, target, json);
            }
        }
    }

    /** The newest entries first. */
    public List<Entry> list(int limit) {
        return query("SELECT * FROM audit ORDER BY id DESC LIMIT ?", null, limit);
    }

    /** The newest entries about one target (e.g. "person:12", "punch:40") first. */
    public List<Entry> listForTarget(String target, int limit) {
        return query("SELECT * FROM audit WHERE target = ? ORDER BY id DESC LIMIT ?", target, limit);
    }

    private List<Entry> query(String sql, String target, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (target != null) ps.setString(i++, target);
                ps.setInt(i, limit);
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")), rs.getString("actor"),
                                rs.getString("action"), rs.getString("target"), rs.getString("detail")));
                    }
                }
                return out;
            }
        });
    }

    static String toJson(Map<String, ?> detail) {
        if (detail == null) return null;
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An audit detail could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
