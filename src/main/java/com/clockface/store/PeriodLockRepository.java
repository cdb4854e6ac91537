package com.clockface.store;

import com.clockface.timeclock.PeriodLock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Approved (locked) timesheet periods; adding and removing one is audited. */
public final class PeriodLockRepository {

    private final Database db;

    public PeriodLockRepository(Database db) { this.db = db; }

    /** Locks a period; {@code lock.lockedAt()} is replaced by the store's clock. Returns the stored lock. */
    public PeriodLock lock(Long personId, LocalDate from, LocalDate to, String admin) {
        if (admin == null || admin.isBlank()) throw new IllegalArgumentException("Approving a period needs the admin's name.");
        PeriodLock checked = new PeriodLock(personId, from, to, admin, db.now()); // validates from <= to
        return db.write("approving the period", c -> {
            if (personId != null) PersonRepository.findById(c, personId).orElseThrow(() -> PersonRepository.unknown(personId));
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO period_lock (person_id, from_day, to_day, locked_by, locked_at) VALUES (?,?,?,?,?)")) {
                Sql.setLong(ps, 1, personId);
                ps.setString(2, from.toString());
                ps.setString(3, to.toString());
                ps.setString(4, admin);
                ps.setLong(5, checked.lockedAt().toEpochMilli());
                ps.executeUpdate();
            }
            AuditLog.append(c, checked.lockedAt(), admin, "period.lock", personId == null ? "all" : PersonRepository.target(personId),
                    detail(checked));
            return checked;
        });
    }

    /** Locks that overlap {@code [from, to]} (all of them when both are null), oldest first. */
    public List<PeriodLock> list(LocalDate from, LocalDate to) {
        String lo = from == null ? "0000-01-01" : from.toString();
        String hi = to == null ? "9999-12-31" : to.toString();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM period_lock WHERE to_day >= ? AND from_day <= ? ORDER BY id")) {
                ps.setString(1, lo);
                ps.setString(2, hi);
                List<PeriodLock> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(map(rs));
                }
                return out;
            }
        });
    }

    /** Removes a lock equal in person and days to {@code lock}; false if there was none. Audited. */
    public boolean unlock(PeriodLock lock, String admin, String reason) {
        if (admin == null || admin.isBlank()) throw new IllegalArgumentException("Reopening a period needs the admin's name.");
        Instant now = db.now();
        return db.write("reopening the period", c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM period_lock WHERE person_id IS ? AND from_day = ? AND to_day = ?")) {
                Sql.setLong(ps, 1, lock.personId());
                ps.setString(2, lock.from().toString());
                ps.setString(3, lock.to().toString());
                n = ps.executeUpdate();
            }
            if (n > 0) {
                Map<String, Object> d = detail(lock);
                d.put("reason", reason);
                AuditLog.append(c, now, admin, "period.unlock",
                        lock.personId() == null ? "all" : PersonRepository.target(lock.personId()), d);
            }
            return n > 0;
        });
    }

    private static Map<String, Object> detail(PeriodLock l) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("person_id", l.personId());
        d.put("from", l.from().toString());
        d.put("to", l.to().toString());
        return d;
    }

    private static PeriodLock map(ResultSet rs) throws SQLException {
        return new PeriodLock(Sql.getLong(rs, "person_id"), LocalDate.parse(rs.getString("from_day")),
                LocalDate.parse(rs.getString("to_day")), rs.getString("locked_by"), Instant.ofEpochMilli(rs.getLong("locked_at")));
    }
}
