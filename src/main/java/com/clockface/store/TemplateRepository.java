package com.clockface.store;

import com.clockface.store.StoreException.Reason;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Face templates. Embeddings are encrypted with AES-256-GCM before they reach the database; the
 * associated data {@code "template:<personId>:<modelId>"} binds each ciphertext to its person and
 * model, so a row moved to another person fails to decrypt. The model id is stored with every
 * template so embeddings of different models are never compared.
 */
public final class TemplateRepository {

    private final Database db;

    public TemplateRepository(Database db) { this.db = db; }

    /**
     * Adds a template for a person.
     *
     * @param quality enrolment quality score, or null
     * @throws IllegalArgumentException empty or non-finite embedding, blank model id
     * @throws StoreException CONFLICT when the person does not exist or was erased
     */
    public Template add(long personId, String modelId, float[] embedding, Double quality, TemplateSource source) {
        return add(personId, modelId, embedding, quality, source, "system");
    }

    /** As {@link #add(long, String, float[], Double, TemplateSource)}, audited under {@code actor}. */
    public Template add(long personId, String modelId, float[] embedding, Double quality, TemplateSource source,
                        String actor) {
        check(modelId, embedding);
        byte[] sealed = db.crypto().encrypt(Crypto.floatsToBytes(embedding), purpose(personId, modelId));
        Instant now = db.now();
        return db.write("saving a face template",
                c -> insert(c, personId, modelId, embedding.length, sealed, quality, source, actor, now));
    }

    private static void check(String modelId, float[] embedding) {
        if (modelId == null || modelId.isBlank()) throw new IllegalArgumentException("A template needs the model id of its embedder.");
        if (embedding == null || embedding.length == 0) throw new IllegalArgumentException("A template needs an embedding.");
        for (float v : embedding) {
            if (!Float.isFinite(v)) throw new IllegalArgumentException("The embedding contains NaN or infinite values.");
        }
    }

    private static Template insert(java.sql.Connection c, long personId, String modelId, int dim, byte[] sealed,
                                   Double quality, TemplateSource source, String actor, Instant now) throws SQLException {
        TemplateSource src = source == null ? TemplateSource.UPLOAD : source;
        checkPerson(c, personId);
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO template (person_id, model_id, dim, embedding, "
                + "quality, source, created_at) VALUES (?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, personId);
            ps.setString(2, modelId);
            ps.setInt(3, dim);
            ps.setBytes(4, sealed);
            Sql.setDouble(ps, 5, quality);
            ps.setString(6, src.dbValue());
            ps.setLong(7, now.toEpochMilli());
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                id = k.getLong(1);
            }
        }
        AuditLog.append(c, now, actor, "template.add", PersonRepository.target(personId),
                Map.of("template_id", id, "model_id", modelId, "source", src.dbValue()));
        return new Template(id, personId, modelId, dim, quality, src, now);
    }

    /** One template to add with {@link #addBatch}. */
    public record NewTemplate(long personId, String modelId, float[] embedding, Double quality, TemplateSource source) { }

    /**
     * Adds many templates in ONE transaction (bulk import): all or none are stored, and the disk is
     * synced once instead of once per template. Returns the stored templates in input order.
     */
    public List<Template> addBatch(List<NewTemplate> batch, String actor) {
        List<byte[]> sealed = new ArrayList<>(batch.size());
        for (NewTemplate t : batch) {
            check(t.modelId(), t.embedding());
            sealed.add(db.crypto().encrypt(Crypto.floatsToBytes(t.embedding()), purpose(t.personId(), t.modelId())));
        }
        Instant now = db.now();
        return db.write("saving " + batch.size() + " face templates", c -> {
            List<Template> out = new ArrayList<>(batch.size());
            Map<Long, Integer> perPerson = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO template (person_id, model_id, dim, embedding, "
                    + "quality, source, created_at) VALUES (?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < batch.size(); i++) {
                    NewTemplate t = batch.get(i);
                    if (!perPerson.containsKey(t.personId())) checkPerson(c, t.personId());
                    perPerson.merge(t.personId(), 1, Integer::sum);
                    TemplateSource src = t.source() == null ? TemplateSource.UPLOAD : t.source();
                    ps.setLong(1, t.personId());
                    ps.setString(2, t.modelId());
                    ps.setInt(3, t.embedding().length);
                    ps.setBytes(4, sealed.get(i));
                    Sql.setDouble(ps, 5, t.quality());
                    ps.setString(6, src.dbValue());
                    ps.setLong(7, now.toEpochMilli());
                    ps.executeUpdate();
                    try (ResultSet k = ps.getGeneratedKeys()) {
                        k.next();
                        out.add(new Template(k.getLong(1), t.personId(), t.modelId(), t.embedding().length, t.quality(), src, now));
                    }
                }
            }
            for (Map.Entry<Long, Integer> e : perPerson.entrySet()) {
                AuditLog.append(c, now, actor, "template.add", PersonRepository.target(e.getKey()), Map.of("templates", e.getValue()));
            }
            return out;
        });
    }

    private static void checkPerson(java.sql.Connection c, long personId) throws SQLException {
        Person p = PersonRepository.findById(c, personId).orElseThrow(() -> PersonRepository.unknown(personId));
        if (p.status() == PersonStatus.ERASED) {
            throw new StoreException(Reason.CONFLICT, "Person " + personId + " was erased; create a new person to enrol this face.");
        }
    }

    /** A person's templates (metadata only), oldest first. */
    public List<Template> listForPerson(long personId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, person_id, model_id, dim, quality, source, created_at "
                    + "FROM template WHERE person_id = ? ORDER BY id")) {
                ps.setLong(1, personId);
                List<Template> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(map(rs));
                }
                return out;
            }
        });
    }

    /**
     * All templates of one model id of ACTIVE persons, decrypted: what the kiosk's gallery loads.
     * Templates of other models, inactive and erased persons are left out.
     */
    public List<TemplateEmbedding> loadAll(String modelId) {
        return loadAll(modelId, false);
    }

    /** As {@link #loadAll(String)}; with {@code includeInactive} also INACTIVE persons (duplicate checks at enrolment). */
    public List<TemplateEmbedding> loadAll(String modelId, boolean includeInactive) {
        String statuses = includeInactive ? "('ACTIVE', 'INACTIVE')" : "('ACTIVE')";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.person_id, t.dim, t.embedding FROM template t "
                    + "JOIN person p ON p.id = t.person_id WHERE t.model_id = ? AND p.status IN " + statuses + " ORDER BY t.id")) {
                ps.setString(1, modelId);
                List<TemplateEmbedding> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long personId = rs.getLong(2);
                        float[] v = decode(rs.getBytes(4), personId, modelId, rs.getInt(3), rs.getLong(1));
                        out.add(new TemplateEmbedding(personId, rs.getLong(1), v));
                    }
                }
                return out;
            }
        });
    }

    /** The ids (template id to person id) of the templates {@link #loadAll(String)} would load, without decrypting anything. */
    public Map<Long, Long> activeTemplateIds(String modelId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.person_id FROM template t JOIN person p ON p.id = t.person_id "
                    + "WHERE t.model_id = ? AND p.status = 'ACTIVE'")) {
                ps.setString(1, modelId);
                Map<Long, Long> out = new java.util.HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getLong(1), rs.getLong(2));
                }
                return out;
            }
        });
    }

    /** Decrypted embeddings of these template ids (ids that no longer exist are skipped). */
    public List<TemplateEmbedding> loadByIds(java.util.Collection<Long> templateIds) {
        List<TemplateEmbedding> out = new ArrayList<>();
        for (long id : templateIds) {
            db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT person_id, model_id, dim, embedding FROM template WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            long person = rs.getLong(1);
                            out.add(new TemplateEmbedding(person, id, decode(rs.getBytes(4), person, rs.getString(2), rs.getInt(3), id)));
                        }
                    }
                }
                return null;
            });
        }
        return out;
    }

    /** One template's decrypted embedding. */
    public Optional<float[]> loadEmbedding(long templateId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT person_id, model_id, dim, embedding FROM template WHERE id = ?")) {
                ps.setLong(1, templateId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(decode(rs.getBytes(4), rs.getLong(1), rs.getString(2), rs.getInt(3), templateId));
                }
            }
        });
    }

    /** Deletes one template (audited); false if it did not exist. */
    public boolean delete(long templateId, String actor) {
        Instant now = db.now();
        return db.write("deleting a face template", c -> {
            Long personId = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT person_id FROM template WHERE id = ?")) {
                ps.setLong(1, templateId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) personId = rs.getLong(1);
                }
            }
            if (personId == null) return false;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM template WHERE id = ?")) {
                ps.setLong(1, templateId);
                ps.executeUpdate();
            }
            AuditLog.append(c, now, actor, "template.delete", PersonRepository.target(personId), Map.of("template_id", templateId));
            return true;
        });
    }

    /** How many templates each model id has (to tell the user when a model change needs re-enrolment). */
    public Map<String, Integer> countByModel() {
        return db.read(c -> {
            Map<String, Integer> out = new java.util.TreeMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT model_id, COUNT(*) FROM template GROUP BY model_id")) {
                while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
            }
            return out;
        });
    }

    private float[] decode(byte[] sealed, long personId, String modelId, int dim, long templateId) {
        float[] v = Crypto.bytesToFloats(db.crypto().decrypt(sealed, purpose(personId, modelId)));
        if (v.length != dim) {
            throw new StoreException(Reason.CORRUPT, "Template " + templateId + " has " + v.length + " values but should have "
                    + dim + ". Delete it and enrol the person again.");
        }
        return v;
    }

    static String purpose(long personId, String modelId) { return "template:" + personId + ":" + modelId; }

    private static Template map(ResultSet rs) throws SQLException {
        return new Template(rs.getLong("id"), rs.getLong("person_id"), rs.getString("model_id"), rs.getInt("dim"),
                Sql.getDouble(rs, "quality"), TemplateSource.fromDb(rs.getString("source")), Sql.getInstant(rs, "created_at"));
    }
}
