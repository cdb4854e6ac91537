package com.clockface.store;

import com.clockface.store.StoreException.Reason;
import com.clockface.timeclock.Correction;
import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchKind;
import com.clockface.timeclock.PunchSource;
import com.clockface.timeclock.PunchStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Punches, with a tamper-evident hash chain.
 *
 * <p>Each insert is its own committed transaction (synchronous=FULL): when {@link #insert} returns,
 * the punch is on disk and the kiosk may say so.
 *
 * <p>Chain: rows are linked in id order; {@code hash = sha256(prev_hash, id, person_id, kind, at,
 * zone, kiosk, source, check_event_id, corrects_id, created_at)} with every field length-prefixed, and
 * {@code prev_hash} is the previous row's hash (64 zeros for the first). These recorded fields never
 * change (a trigger refuses it); {@link #verifyChain()} detects an edit made behind the application's
 * back, a deleted or inserted row in the middle. Status and note are the mutable part: every change
 * goes through {@link #setStatus} and is audited with old and new values. A move never edits the
 * time: it marks the old punch DELETED and adds a MANUAL punch that names it ({@code corrects_id}).
 * Known limit: removing the newest rows leaves a shorter but valid chain.
 */
public final class PunchRepository {

    static final String GENESIS = "0".repeat(64);

    /**
     * Result of {@link #verifyChain()}: intact, or the first row where it breaks and why.
     *
     * @param headHash the newest row's hash when intact; printed on a timesheet or noted elsewhere, it
     *                 lets a later check detect that newest rows were removed
     */
    public record ChainVerification(boolean intact, long rowsChecked, Long firstBadId, String problem, String headHash) { }

    private final Database db;

    public PunchRepository(Database db) { this.db = db; }

    /** Stores a kiosk punch (not audited: its check event is the record) and returns it with its id. */
    public Punch insert(Punch p) {
        return insert(p, null, null);
    }

    /**
     * Stores a punch; when {@code actor} is given (manual punch by an admin, with {@code reason}), the
     * insert is audited in the same transaction.
     *
     * @throws StoreException CONFLICT: unknown or erased person, unknown check event
     */
    public Punch insert(Punch p, String actor, String reason) {
        validate(p);
        Instant now = db.now();
        return db.write("saving the punch", c -> {
            Punch stored = insert(c, p, null, now);
            if (actor != null) {
                Map<String, Object> d = describe(stored);
                if (reason != null) d.put("reason", reason);
                AuditLog.append(c, now, actor, "punch.add", target(stored.id()), d);
            }
            return stored;
        });
    }

    private Punch insert(Connection c, Punch p, Long correctsId, Instant now) throws SQLException {
        Person person = PersonRepository.findById(c, p.personId()).orElseThrow(() -> PersonRepository.unknown(p.personId()));
        if (person.status() == PersonStatus.ERASED) {
            throw new StoreException(Reason.CONFLICT, "Person " + p.personId() + " was erased; no new punches can be added.");
        }
        // IMMEDIATE transaction: we hold the write lock, so the tail cannot move under us.
        long id = 1;
        String prev = GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, hash FROM punch ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                id = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        long created = now.toEpochMilli();
        String hash = hash(prev, id, p.personId(), p.kind().name(), p.at().toEpochMilli(), p.zone().getId(), p.kiosk(),
                p.source().name(), p.checkEventId(), correctsId, created);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO punch (id, person_id, kind, at, zone, kiosk, source, "
                + "status, check_event_id, corrects_id, note, created_at, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, id);
            ps.setLong(2, p.personId());
            ps.setString(3, p.kind().name());
            ps.setLong(4, p.at().toEpochMilli());
            ps.setString(5, p.zone().getId());
            ps.setString(6, p.kiosk());
            ps.setString(7, p.source().name());
            ps.setString(8, p.status().name());
            Sql.setLong(ps, 9, p.checkEventId());
            Sql.setLong(ps, 10, correctsId);
            ps.setString(11, p.note());
            ps.setLong(12, created);
            ps.setString(13, prev);
            ps.setString(14, hash);
            try {
                ps.executeUpdate();
            } catch (SQLException e) {
                if ((e.getErrorCode() & 0xff) == 19) {
                    throw new StoreException(Reason.CONFLICT, "The punch refers to a check event that does not exist ("
                            + p.checkEventId() + ").", e);
                }
                throw e;
            }
        }
        return p.withId(id);
    }

    public Optional<Punch> find(long id) {
        return db.read(c -> find(c, id));
    }

    /** The punches a check event produced (normally zero or one). */
    public List<Punch> findByCheckEvent(long checkEventId) {
        return query("SELECT * FROM punch WHERE check_event_id = ? ORDER BY id", checkEventId);
    }

    /** A person's punches with {@code from <= at < to}, every status, in time order. */
    public List<Punch> listByPerson(long personId, Instant from, Instant to) {
        return query("SELECT * FROM punch WHERE person_id = ? AND at >= ? AND at < ? ORDER BY at, id",
                personId, from.toEpochMilli(), to.toEpochMilli());
    }

    /** Everyone's punches with {@code from <= at < to}, every status, by person then time. */
    public List<Punch> listRange(Instant from, Instant to) {
        return query("SELECT * FROM punch WHERE at >= ? AND at < ? ORDER BY person_id, at, id",
                from.toEpochMilli(), to.toEpochMilli());
    }

    /** The person's latest CONFIRMED or PENDING punch (rejected and deleted ones do not count). */
    public Optional<Punch> lastPunch(long personId) {
        List<Punch> l = query("SELECT * FROM punch WHERE person_id = ? AND status IN ('CONFIRMED', 'PENDING') "
                + "ORDER BY at DESC, id DESC LIMIT 1", personId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /**
     * Changes a punch's status (approve a PENDING one, reject, delete), audited with old and new
     * status and the reason. Returns the updated punch.
     */
    public Punch setStatus(long id, PunchStatus status, String actor, String reason) {
        requireActor(actor);
        Instant now = db.now();
        return db.write("changing the punch", c -> {
            Punch old = find(c, id).orElseThrow(() -> unknown(id));
            try (PreparedStatement ps = c.prepareStatement("UPDATE punch SET status = ?, note = COALESCE(?, note) WHERE id = ?")) {
                ps.setString(1, status.name());
                ps.setString(2, reason);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("old_status", old.status().name());
            d.put("new_status", status.name());
            d.put("reason", reason);
            AuditLog.append(c, now, actor, "punch.status", target(id), d);
            return find(c, id).orElseThrow();
        });
    }

    /**
     * Moves a punch to another instant: the old punch becomes DELETED and a new CONFIRMED MANUAL punch
     * (same person, kind, zone, kiosk) that names it is added; both in one transaction, audited with
     * the old and new time and ids. Returns the new punch.
     */
    public Punch move(long id, Instant newAt, String actor, String reason) {
        requireActor(actor);
        Instant now = db.now();
        return db.write("moving the punch", c -> {
            Punch old = find(c, id).orElseThrow(() -> unknown(id));
            if (old.status() == PunchStatus.DELETED) {
                throw new StoreException(Reason.CONFLICT, "Punch " + id + " was deleted and cannot be moved.");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE punch SET status = 'DELETED' WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            Punch moved = insert(c, new Punch(0, old.personId(), old.kind(), newAt, old.zone(), old.kiosk(),
                    PunchSource.MANUAL, PunchStatus.CONFIRMED, old.checkEventId(), reason), id, now);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("old_id", id);
            d.put("new_id", moved.id());
            d.put("old_at", old.at().toString());
            d.put("new_at", newAt.toString());
            d.put("reason", reason);
            AuditLog.append(c, now, actor, "punch.move", target(id), d);
            return moved;
        });
    }

    /**
     * Stores an accepted timeclock {@link Correction} ({@code Correction.apply(...)}'s effect) in one
     * transaction: the retired punch becomes DELETED, the added MANUAL punch is inserted naming the
     * retired one, and one audit record "punch.correct" carries type, reason, old and new time and ids
     * under the correction's admin. Returns the effect with the added punch's id filled in.
     *
     * @throws StoreException CONFLICT when the retired punch no longer exists or was already deleted or
     *                        rejected in the meantime
     */
    public Correction.Effect apply(Correction.Effect effect) {
        Correction corr = effect.correction();
        requireActor(corr.requestedBy());
        if (effect.added() != null) validate(effect.added());
        Instant now = db.now();
        return db.write("saving the correction", c -> {
            Punch old = null;
            if (effect.retired() != null) {
                long id = effect.retired().id();
                old = find(c, id).orElseThrow(() -> unknown(id));
                if (old.status() == PunchStatus.DELETED || old.status() == PunchStatus.REJECTED) {
                    throw new StoreException(Reason.CONFLICT, "Punch " + id + " was " + old.status().name().toLowerCase()
                            + " by someone else in the meantime; reload and try again.");
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE punch SET status = 'DELETED' WHERE id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            Punch added = effect.added() == null ? null
                    : insert(c, effect.added(), old == null ? null : old.id(), now);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("type", corr.type().name());
            d.put("reason", corr.reason());
            d.put("person_id", corr.personId());
            if (old != null) {
                d.put("old_id", old.id());
                d.put("old_at", old.at().toString());
                d.put("old_status", old.status().name());
            }
            if (added != null) {
                d.put("new_id", added.id());
                d.put("new_at", added.at().toString());
                d.put("kind", added.kind().name());
            }
            AuditLog.append(c, now, corr.requestedBy(), "punch.correct", target(old != null ? old.id() : added.id()), d);
            return new Correction.Effect(corr, old == null ? null : old.withStatus(PunchStatus.DELETED), added);
        });
    }

    /** Re-computes every row's hash and link. */
    public ChainVerification verifyChain() {
        return db.read(c -> {
            String prev = GENESIS;
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM punch ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    String storedPrev = rs.getString("prev_hash");
                    if (!prev.equals(storedPrev)) {
                        return new ChainVerification(false, n, id, "punch " + id + " does not link to the punch before it "
                                + "(a punch was removed or inserted)", null);
                    }
                    String expected = hash(storedPrev, id, rs.getLong("person_id"), rs.getString("kind"), rs.getLong("at"),
                            rs.getString("zone"), rs.getString("kiosk"), rs.getString("source"),
                            Sql.getLong(rs, "check_event_id"), Sql.getLong(rs, "corrects_id"), rs.getLong("created_at"));
                    String stored = rs.getString("hash");
                    if (!expected.equals(stored)) {
                        return new ChainVerification(false, n, id, "punch " + id + " was changed after it was recorded", null);
                    }
                    prev = stored;
                    n++;
                }
            }
            return new ChainVerification(true, n, null, null, prev);
        });
    }

    static String hash(String prev, long id, long personId, String kind, long at, String zone, String kiosk,
                       String source, Long checkEventId, Long correctsId, long createdAt) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        // Length-prefixed fields: no separator inside a kiosk name can make two rows hash alike.
        for (Object f : new Object[] {prev, id, personId, kind, at, zone, kiosk, source, checkEventId, correctsId, createdAt}) {
            byte[] b = (f == null ? "\u0000null" : f.toString()).getBytes(StandardCharsets.UTF_8);
            md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            md.update(b);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private List<Punch> query(String sql, Object... args) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                List<Punch> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(map(rs));
                }
                return out;
            }
        });
    }

    private static Optional<Punch> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM punch WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static Punch map(ResultSet rs) throws SQLException {
        return new Punch(rs.getLong("id"), rs.getLong("person_id"), PunchKind.valueOf(rs.getString("kind")),
                Instant.ofEpochMilli(rs.getLong("at")), ZoneId.of(rs.getString("zone")), rs.getString("kiosk"),
                PunchSource.valueOf(rs.getString("source")), PunchStatus.valueOf(rs.getString("status")),
                Sql.getLong(rs, "check_event_id"), rs.getString("note"));
    }

    private static Map<String, Object> describe(Punch p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("person_id", p.personId());
        d.put("kind", p.kind().name());
        d.put("at", p.at().toString());
        d.put("zone", p.zone().getId());
        d.put("source", p.source().name());
        d.put("status", p.status().name());
        return d;
    }

    private static void validate(Punch p) {
        if (p.kind() == null || p.at() == null || p.zone() == null || p.source() == null || p.status() == null) {
            throw new IllegalArgumentException("A punch needs kind, time, zone, source and status.");
        }
        if (p.kiosk() == null || p.kiosk().isBlank()) throw new IllegalArgumentException("A punch needs the kiosk's name.");
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("A punch correction needs the admin who makes it.");
    }

    static String target(long id) { return "punch:" + id; }

    private static StoreException unknown(long id) {
        return new StoreException(Reason.CONFLICT, "There is no punch with id " + id + ".");
    }
}
