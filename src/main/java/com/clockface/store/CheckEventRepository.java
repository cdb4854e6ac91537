package com.clockface.store;

import com.clockface.store.StoreException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Check-in attempts and the review queue. The evidence frame (JPEG bytes) is encrypted with the
 * associated data {@code "evidence:<eventId>"}; it is never logged.
 */
public final class CheckEventRepository {

    /** What a retention purge removed; the caller deletes the capsule files. */
    public record Purge(int evidenceDeleted, List<String> capsulePaths) { }

    // Every column but the evidence blob, which only loadEvidence reads.
    private static final String COLS = "id, at, kiosk, person_id, decision, outcome, liveness_score, match_score, signals, "
            + "capsule_path, review_state, reviewed_by, reviewed_at, note, evidence IS NOT NULL AS has_evidence";

    private final Database db;

    public CheckEventRepository(Database db) { this.db = db; }

    /**
     * Stores an event and its evidence frame (JPEG bytes, or null) in one committed transaction.
     *
     * @throws IllegalArgumentException signals that are not a JSON object text
     */
    public CheckEvent insert(CheckEvent e, byte[] evidenceJpeg) {
        if (e.at() == null || e.kiosk() == null || e.decision() == null || e.outcome() == null) {
            throw new IllegalArgumentException("A check event needs time, kiosk, decision and outcome.");
        }
        return db.write("saving the check-in record", c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO check_event (at, kiosk, person_id, decision, outcome, "
                    + "liveness_score, match_score, signals, capsule_path, review_state, note) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, e.at().toEpochMilli());
                ps.setString(2, e.kiosk());
                Sql.setLong(ps, 3, e.personId());
                ps.setString(4, e.decision());
                ps.setString(5, e.outcome());
                Sql.setDouble(ps, 6, e.livenessScore());
                Sql.setDouble(ps, 7, e.matchScore());
                ps.setString(8, e.signalsJson());
                ps.setString(9, e.capsulePath());
                ps.setString(10, (e.reviewState() == null ? ReviewState.NONE : e.reviewState()).name());
                ps.setString(11, e.note());
                try {
                    ps.executeUpdate();
                } catch (SQLException ex) {
                    if ((ex.getErrorCode() & 0xff) == 19) {
                        throw new IllegalArgumentException("The check event was refused: its signals must be a JSON object "
                                + "text and its person must exist (" + ex.getMessage() + ").", ex);
                    }
                    throw ex;
                }
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            if (evidenceJpeg != null) {
                // The id is part of the associated data, so the blob is written once the id is known.
                try (PreparedStatement ps = c.prepareStatement("UPDATE check_event SET evidence = ? WHERE id = ?")) {
                    ps.setBytes(1, db.crypto().encrypt(evidenceJpeg, purpose(id)));
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
            }
            return find(c, id).orElseThrow();
        });
    }

    public Optional<CheckEvent> find(long id) {
        return db.read(c -> find(c, id));
    }

    /** Events in a review state, newest first. */
    public List<CheckEvent> listByReviewState(ReviewState state, int limit) {
        return query("SELECT " + COLS + " FROM check_event WHERE review_state = ? ORDER BY at DESC, id DESC LIMIT ?", state.name(), limit);
    }

    /** Events with {@code from <= at < to}, newest first. */
    public List<CheckEvent> listRange(Instant from, Instant to, int limit) {
        return query("SELECT " + COLS + " FROM check_event WHERE at >= ? AND at < ? ORDER BY at DESC, id DESC LIMIT ?",
                from.toEpochMilli(), to.toEpochMilli(), limit);
    }

    /** The decrypted evidence frame (JPEG bytes), if the event has one. */
    public Optional<byte[]> loadEvidence(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT evidence FROM check_event WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    byte[] sealed = rs.getBytes(1);
                    return sealed == null ? Optional.empty() : Optional.of(db.crypto().decrypt(sealed, purpose(id)));
                }
            }
        });
    }

    /** Sets the review state (approve / reject / back to pending), audited with old and new state. */
    public CheckEvent setReviewState(long id, ReviewState state, String reviewer, String note) {
        if (reviewer == null || reviewer.isBlank()) throw new IllegalArgumentException("A review needs the reviewer's name.");
        Instant now = db.now();
        return db.write("saving the review", c -> {
            CheckEvent old = find(c, id).orElseThrow(() -> unknown(id));
            try (PreparedStatement ps = c.prepareStatement("UPDATE check_event SET review_state = ?, reviewed_by = ?, "
                    + "reviewed_at = ?, note = COALESCE(?, note) WHERE id = ?")) {
                ps.setString(1, state.name());
                ps.setString(2, reviewer);
                ps.setLong(3, now.toEpochMilli());
                ps.setString(4, note);
                ps.setLong(5, id);
                ps.executeUpdate();
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("old_state", old.reviewState().name());
            d.put("new_state", state.name());
            d.put("note", note);
            AuditLog.append(c, now, reviewer, "check_event.review", target(id), d);
            return find(c, id).orElseThrow();
        });
    }

    /** Records where the session capsule of an event was saved (relative to the data folder, or absolute). */
    public void setCapsulePath(long id, String path) {
        db.write("saving the capsule path", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE check_event SET capsule_path = ? WHERE id = ?")) {
                ps.setString(1, path);
                ps.setLong(2, id);
                if (ps.executeUpdate() == 0) throw unknown(id);
                return null;
            }
        });
    }

    /**
     * Retention: removes evidence frames and capsule paths of events before {@code cutoff}, except
     * those still waiting for review. Returns the capsule paths for the caller to delete.
     */
    public Purge purgeEvidenceBefore(Instant cutoff, String actor) {
        Instant now = db.now();
        return db.write("purging old evidence", c -> {
            String where = " WHERE at < ? AND review_state <> 'PENDING'";
            List<String> capsules = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT capsule_path FROM check_event" + where + " AND capsule_path IS NOT NULL")) {
                ps.setLong(1, cutoff.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) capsules.add(rs.getString(1));
                }
            }
            int evidence;
            try (PreparedStatement ps = c.prepareStatement("UPDATE check_event SET evidence = NULL" + where + " AND evidence IS NOT NULL")) {
                ps.setLong(1, cutoff.toEpochMilli());
                evidence = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE check_event SET capsule_path = NULL" + where)) {
                ps.setLong(1, cutoff.toEpochMilli());
                ps.executeUpdate();
            }
            if (evidence > 0 || !capsules.isEmpty()) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("before", cutoff.toString());
                d.put("evidence_deleted", evidence);
                d.put("capsules", capsules.size());
                AuditLog.append(c, now, actor, "evidence.purge", null, d);
            }
            return new Purge(evidence, List.copyOf(capsules));
        });
    }

    /**
     * Capsule retention (usually shorter than the evidence frames'): forgets the capsule paths of events
     * before {@code cutoff}, except those still waiting for review, and returns them for the caller to
     * delete. Audited when something was removed.
     */
    public List<String> purgeCapsulesBefore(Instant cutoff, String actor) {
        Instant now = db.now();
        return db.write("purging old session capsules", c -> {
            String where = " WHERE at < ? AND review_state <> 'PENDING' AND capsule_path IS NOT NULL";
            List<String> capsules = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT capsule_path FROM check_event" + where)) {
                ps.setLong(1, cutoff.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) capsules.add(rs.getString(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE check_event SET capsule_path = NULL" + where)) {
                ps.setLong(1, cutoff.toEpochMilli());
                ps.executeUpdate();
            }
            if (!capsules.isEmpty()) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("before", cutoff.toString());
                d.put("capsules", capsules.size());
                AuditLog.append(c, now, actor, "capsule.purge", null, d);
            }
            return List.copyOf(capsules);
        });
    }

    static String purpose(long id) { return "evidence:" + id; }

    static String target(long id) { return "check_event:" + id; }

    private List<CheckEvent> query(String sql, Object... args) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                List<CheckEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(map(rs));
                }
                return out;
            }
        });
    }

    private static Optional<CheckEvent> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM check_event WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static CheckEvent map(ResultSet rs) throws SQLException {
        boolean hasEvidence = rs.getInt("has_evidence") == 1;
        return new CheckEvent(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")), rs.getString("kiosk"),
                Sql.getLong(rs, "person_id"), rs.getString("decision"), rs.getString("outcome"),
                Sql.getDouble(rs, "liveness_score"), Sql.getDouble(rs, "match_score"), rs.getString("signals"), hasEvidence,
                rs.getString("capsule_path"), ReviewState.valueOf(rs.getString("review_state")), rs.getString("reviewed_by"),
                Sql.getInstant(rs, "reviewed_at"), rs.getString("note"));
    }

    private static StoreException unknown(long id) {
        return new StoreException(Reason.CONFLICT, "There is no check event with id " + id + ".");
    }
}
