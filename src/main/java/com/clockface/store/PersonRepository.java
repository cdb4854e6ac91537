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
import java.util.Objects;
import java.util.Optional;

/**
 * Persons. Every change is audited in the same transaction (actor = the admin's name, "cli", ...).
 * Persons are never physically deleted, because their punches must stay: {@link #erase} removes the
 * biometric data and pseudonymises the row.
 */
public final class PersonRepository {

    /** Setting: keep the employee number of an erased person so payroll can still attribute their punches (default true). */
    public static final String SETTING_ERASE_KEEP_EMPLOYEE_NO = "erase.keep_employee_no";

    private final Database db;

    public PersonRepository(Database db) { this.db = db; }

    /**
     * Stores a new person and returns it with its id and times.
     *
     * @throws StoreException CONFLICT when the employee number is taken
     * @throws IllegalArgumentException blank employee number or name
     */
    public Person create(Person p, String actor) {
        String empNo = requireText(p.employeeNo(), "employee number");
        String name = requireText(p.name(), "name");
        String collection = p.collection() == null || p.collection().isBlank() ? Person.DEFAULT_COLLECTION : p.collection().trim();
        Instant now = db.now();
        return db.write("saving the person " + empNo, c -> {
            if (findByEmployeeNo(c, empNo).isPresent()) throw duplicate(empNo);
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (employee_no, name, collection, status, "
                    + "pin_hash, consent_text, consent_at, consent_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, empNo);
                ps.setString(2, name);
                ps.setString(3, collection);
                ps.setString(4, (p.status() == null ? PersonStatus.ACTIVE : p.status()).name());
                ps.setString(5, p.pinHash());
                ps.setString(6, p.consentText());
                Sql.setInstant(ps, 7, p.consentAt());
                ps.setString(8, p.consentBy());
                ps.setLong(9, now.toEpochMilli());
                ps.setLong(10, now.toEpochMilli());
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("employee_no", empNo);
            detail.put("collection", collection);
            AuditLog.append(c, now, actor, "person.create", target(id), detail);
            return findById(c, id).orElseThrow();
        });
    }

    public Optional<Person> findById(long id) {
        return db.read(c -> findById(c, id));
    }

    public Optional<Person> findByEmployeeNo(String employeeNo) {
        if (employeeNo == null) return Optional.empty();
        return db.read(c -> findByEmployeeNo(c, employeeNo.trim()));
    }

    /** Non-erased persons, optionally filtered; see {@link #list(String, String, boolean)}. */
    public List<Person> list(String search, String collection) {
        return list(search, collection, false);
    }

    /**
     * Persons sorted by name.
     *
     * @param search       case-insensitive part of the name or employee number, or null for all
     * @param collection   only this collection, or null for all
     * @param includeErased whether pseudonymised (erased) rows are listed too
     */
    public List<Person> list(String search, String collection, boolean includeErased) {
        StringBuilder sql = new StringBuilder("SELECT * FROM person WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (search != null && !search.isBlank()) {
            sql.append(" AND (name LIKE ? ESCAPE '\\' OR employee_no LIKE ? ESCAPE '\\')");
            String like = Sql.likeContains(search.trim());
            args.add(like);
            args.add(like);
        }
        if (collection != null && !collection.isBlank()) {
            sql.append(" AND collection = ?");
            args.add(collection.trim());
        }
        if (!includeErased) sql.append(" AND status <> 'ERASED'");
        sql.append(" ORDER BY name COLLATE NOCASE, employee_no");
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) ps.setString(i + 1, args.get(i));
                List<Person> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(map(rs));
                }
                return out;
            }
        });
    }

    /** The distinct collections (sites) in use by non-erased persons, sorted. */
    public List<String> collections() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT DISTINCT collection FROM person WHERE status <> 'ERASED' ORDER BY collection")) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    /**
     * Saves the editable fields (employee number, name, collection, status ACTIVE/INACTIVE, PIN hash,
     * consent) of an existing person and audits which ones changed (a PIN change is recorded as
     * "changed", never its hash).
     *
     * @throws StoreException CONFLICT: unknown id, erased person, or employee number taken
     */
    public Person update(Person p, String actor) {
        String empNo = requireText(p.employeeNo(), "employee number");
        String name = requireText(p.name(), "name");
        if (p.status() == PersonStatus.ERASED) {
            throw new IllegalArgumentException("Use erase() to erase a person; it also removes their face data.");
        }
        Instant now = db.now();
        return db.write("saving the person " + empNo, c -> {
            Person old = findById(c, p.id()).orElseThrow(() -> unknown(p.id()));
            if (old.status() == PersonStatus.ERASED) {
                throw new StoreException(Reason.CONFLICT, "Person " + p.id() + " was erased and cannot be edited.");
            }
            Optional<Person> sameNo = findByEmployeeNo(c, empNo);
            if (sameNo.isPresent() && sameNo.get().id() != p.id()) throw duplicate(empNo);
            String collection = p.collection() == null || p.collection().isBlank() ? Person.DEFAULT_COLLECTION : p.collection().trim();
            try (PreparedStatement ps = c.prepareStatement("UPDATE person SET employee_no = ?, name = ?, collection = ?, "
                    + "status = ?, pin_hash = ?, consent_text = ?, consent_at = ?, consent_by = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, empNo);
                ps.setString(2, name);
                ps.setString(3, collection);
                ps.setString(4, (p.status() == null ? old.status() : p.status()).name());
                ps.setString(5, p.pinHash());
                ps.setString(6, p.consentText());
                Sql.setInstant(ps, 7, p.consentAt());
                ps.setString(8, p.consentBy());
                ps.setLong(9, now.toEpochMilli());
                ps.setLong(10, p.id());
                ps.executeUpdate();
            }
            Person updated = findById(c, p.id()).orElseThrow();
            Map<String, Object> changes = new LinkedHashMap<>();
            diff(changes, "employee_no", old.employeeNo(), updated.employeeNo());
            diff(changes, "name", old.name(), updated.name());
            diff(changes, "collection", old.collection(), updated.collection());
            diff(changes, "status", old.status(), updated.status());
            if (!Objects.equals(old.pinHash(), updated.pinHash())) changes.put("pin", "changed");
            diff(changes, "consent_at", old.consentAt(), updated.consentAt());
            diff(changes, "consent_by", old.consentBy(), updated.consentBy());
            if (!Objects.equals(old.consentText(), updated.consentText())) changes.put("consent_text", "changed");
            if (!changes.isEmpty()) AuditLog.append(c, now, actor, "person.update", target(p.id()), changes);
            return updated;
        });
    }

    /** Sets status INACTIVE: kept, listed, but no longer identified at the kiosk. */
    public Person deactivate(long id, String actor) {
        return setStatus(id, PersonStatus.INACTIVE, actor);
    }

    /** Sets status ACTIVE again. */
    public Person activate(long id, String actor) {
        return setStatus(id, PersonStatus.ACTIVE, actor);
    }

    private Person setStatus(long id, PersonStatus status, String actor) {
        Person p = findById(id).orElseThrow(() -> unknown(id));
        return update(p.withStatus(status), actor);
    }

    /**
     * Erasure (right to be forgotten): deletes the person's templates, the evidence frames of their
     * check events and the events' capsule paths (returned so the caller deletes those files), clears
     * name, PIN and consent text, and sets status ERASED. Punches stay for payroll. The employee number
     * is kept when setting {@value #SETTING_ERASE_KEEP_EMPLOYEE_NO} is true (default), otherwise
     * replaced by {@code ERASED-<id>}. Audited. Erasing twice is harmless.
     */
    public ErasureResult erase(long id, String actor) {
        boolean keepNo = new SettingsRepository(db).getBoolean(SETTING_ERASE_KEEP_EMPLOYEE_NO, true);
        Instant now = db.now();
        return db.write("erasing person " + id, c -> {
            Person old = findById(c, id).orElseThrow(() -> unknown(id));
            int templates;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM template WHERE person_id = ?")) {
                ps.setLong(1, id);
                templates = ps.executeUpdate();
            }
            List<String> capsules = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT capsule_path FROM check_event WHERE person_id = ? AND capsule_path IS NOT NULL")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) capsules.add(rs.getString(1));
                }
            }
            int evidence;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM check_event WHERE person_id = ? AND evidence IS NOT NULL")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    evidence = rs.getInt(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE check_event SET evidence = NULL, capsule_path = NULL WHERE person_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE person SET name = NULL, pin_hash = NULL, "
                    + "consent_text = NULL, status = 'ERASED', employee_no = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, keepNo ? old.employeeNo() : "ERASED-" + id);
                ps.setLong(2, now.toEpochMilli());
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("templates_deleted", templates);
            detail.put("evidence_deleted", evidence);
            detail.put("capsules", capsules.size());
            detail.put("employee_no_kept", keepNo);
            AuditLog.append(c, now, actor, "person.erase", target(id), detail);
            return new ErasureResult(id, templates, evidence, List.copyOf(capsules));
        });
    }

    static String target(long id) { return "person:" + id; }

    static Optional<Person> findById(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM person WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<Person> findByEmployeeNo(Connection c, String employeeNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM person WHERE employee_no = ?")) {
            ps.setString(1, employeeNo);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static Person map(ResultSet rs) throws SQLException {
        return new Person(rs.getLong("id"), rs.getString("employee_no"), rs.getString("name"), rs.getString("collection"),
                PersonStatus.valueOf(rs.getString("status")), rs.getString("pin_hash"), rs.getString("consent_text"),
                Sql.getInstant(rs, "consent_at"), rs.getString("consent_by"), Sql.getInstant(rs, "created_at"),
                Sql.getInstant(rs, "updated_at"));
    }

    private static void diff(Map<String, Object> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("old", before == null ? null : before.toString());
            ch.put("new", after == null ? null : after.toString());
            changes.put(field, ch);
        }
    }

    private static String requireText(String s, String what) {
        if (s == null || s.isBlank()) throw new IllegalArgumentException("A person needs a " + what + ".");
        return s.trim();
    }

    private static StoreException duplicate(String empNo) {
        return new StoreException(Reason.CONFLICT, "The employee number " + empNo
                + " already belongs to another person. Use a different number, or edit that person instead.");
    }

    static StoreException unknown(long id) {
        return new StoreException(Reason.CONFLICT, "There is no person with id " + id + ".");
    }
}
