package com.clockface.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonTemplateTest {

    @TempDir Path dir;

    private static float[] randomVector(Random r, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) v[i] = (float) r.nextGaussian();
        return v;
    }

    @Test
    void personAndTemplateRoundTripWithEncryptedEmbedding() throws Exception {
        AppHome home = AppHome.at(dir);
        float[] emb = randomVector(new Random(42), 256);
        long personId;
        try (Database db = Database.open(home)) {
            PersonRepository persons = new PersonRepository(db);
            TemplateRepository templates = new TemplateRepository(db);
            Person p = persons.create(Person.newPerson("EMP001", "Ana Lima", "north")
                    .withConsent("I agree", db.now(), "admin"), "admin");
            personId = p.id();
            assertTrue(p.id() > 0);
            assertEquals(p, persons.findByEmployeeNo("EMP001").orElseThrow());
            assertEquals(p, persons.findById(p.id()).orElseThrow());
            Template t = templates.add(p.id(), "face-reid-0095", emb, 0.93, TemplateSource.LIVE, "admin");
            templates.add(p.id(), "other-model", randomVector(new Random(1), 512), null, TemplateSource.IMPORT);

            List<TemplateEmbedding> all = templates.loadAll("face-reid-0095");
            assertEquals(1, all.size());
            assertEquals(p.id(), all.get(0).personId());
            assertEquals(t.id(), all.get(0).templateId());
            assertArrayEquals(emb, all.get(0).embedding());
            assertEquals(2, templates.listForPerson(p.id()).size());
            assertEquals(TemplateSource.LIVE, templates.listForPerson(p.id()).get(0).source());
            assertEquals(1, templates.loadAll("other-model").size());
            db.read(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                return null;
            });
        }
        // The float bytes must not appear anywhere in the files on disk.
        byte[] plain = Crypto.floatsToBytes(emb);
        byte[] needle = java.util.Arrays.copyOfRange(plain, 0, 16);
        for (Path f : List.of(home.database(), home.database().resolveSibling("clockface.db-wal"))) {
            if (Files.exists(f)) assertFalse(contains(Files.readAllBytes(f), needle), "plain embedding found in " + f);
        }
        // Control: the same search does find the bytes when they are stored in plain.
        Path control = dir.resolve("control.db");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + control);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (b BLOB)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                ps.setBytes(1, plain);
                ps.executeUpdate();
            }
        }
        assertTrue(contains(Files.readAllBytes(control), needle));
        // Key file: owner-only
        if (Files.getFileStore(home.keyFile()).supportsFileAttributeView("posix")) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(home.keyFile()));
        }
        // Reopen with the same key: still readable
        try (Database db = Database.open(home)) {
            assertArrayEquals(emb, new TemplateRepository(db).loadAll("face-reid-0095").get(0).embedding());
            assertEquals("Ana Lima", new PersonRepository(db).findById(personId).orElseThrow().name());
        }
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    @Test
    void wrongKeyIsRefusedWithAClearMessage() throws Exception {
        AppHome home = AppHome.at(dir);
        try (Database db = Database.open(home)) {
            Person p = new PersonRepository(db).create(Person.newPerson("E1", "Bo", null), "t");
            new TemplateRepository(db).add(p.id(), "m", randomVector(new Random(2), 8), null, TemplateSource.UPLOAD);
        }
        Path otherKey = dir.resolve("other.key");
        KeyFile.create(otherKey);
        StoreException e = assertThrows(StoreException.class, () -> Database.open(home.withKeyFile(otherKey)));
        assertEquals(StoreException.Reason.KEY, e.reason());
        assertTrue(e.getMessage().contains("cannot be decrypted with the key in " + otherKey), e.getMessage());
    }

    @Test
    void ciphertextMovedToAnotherPersonDoesNotDecrypt() {
        try (Database db = Database.open(AppHome.at(dir))) {
            PersonRepository persons = new PersonRepository(db);
            Person a = persons.create(Person.newPerson("A", "A", null), "t");
            Person b = persons.create(Person.newPerson("B", "B", null), "t");
            TemplateRepository templates = new TemplateRepository(db);
            templates.add(a.id(), "m", randomVector(new Random(3), 8), null, TemplateSource.UPLOAD);
            db.write("test", c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("UPDATE template SET person_id = " + b.id());
                }
            });
            StoreException e = assertThrows(StoreException.class, () -> templates.loadAll("m"));
            assertEquals(StoreException.Reason.KEY, e.reason());
        }
    }

    @Test
    void missingKeyWithEncryptedDataRefusesToStart() throws Exception {
        AppHome home = AppHome.at(dir);
        try (Database db = Database.open(home)) {
            Person p = new PersonRepository(db).create(Person.newPerson("E1", "Bo", null), "t");
            new TemplateRepository(db).add(p.id(), "m", randomVector(new Random(2), 8), null, TemplateSource.UPLOAD);
        }
        Files.move(home.keyFile(), dir.resolve("backup.key"));
        StoreException e = assertThrows(StoreException.class, () -> Database.open(home));
        assertEquals(StoreException.Reason.KEY, e.reason());
        assertTrue(e.getMessage().contains("is missing"), e.getMessage());
        assertFalse(Files.exists(home.keyFile()), "no new key may be made silently");
        Files.move(dir.resolve("backup.key"), home.keyFile());
        try (Database db = Database.open(home)) {
            assertEquals(1, new TemplateRepository(db).loadAll("m").size());
        }
    }

    @Test
    void damagedKeyFileIsReported() throws Exception {
        AppHome home = AppHome.at(dir);
        Database.open(home).close();
        Files.writeString(home.keyFile(), "not a key");
        StoreException e = assertThrows(StoreException.class, () -> Database.open(home));
        assertEquals(StoreException.Reason.KEY, e.reason());
        assertTrue(e.getMessage().contains("is not a ClockFace key file"), e.getMessage());
    }

    @Test
    void listSearchUpdateDeactivateAndDuplicates() {
        try (Database db = Database.open(AppHome.at(dir))) {
            PersonRepository persons = new PersonRepository(db);
            Person ana = persons.create(Person.newPerson("EMP001", "Ana Lima", "north"), "admin");
            persons.create(Person.newPerson("EMP002", "Bruno Costa", "south"), "admin");
            persons.create(Person.newPerson("X_9", "Carla 100%", "north"), "admin");
            assertEquals(3, persons.list(null, null).size());
            assertEquals(List.of("Ana Lima"), persons.list("lima", null).stream().map(Person::name).toList());
            assertEquals(List.of("Bruno Costa"), persons.list("emp002", null).stream().map(Person::name).toList());
            assertEquals(2, persons.list(null, "north").size());
            assertEquals(List.of("Carla 100%"), persons.list("0%", null).stream().map(Person::name).toList());
            assertEquals(List.of("north", "south"), persons.collections());

            StoreException dup = assertThrows(StoreException.class,
                    () -> persons.create(Person.newPerson("EMP001", "Someone", null), "admin"));
            assertEquals(StoreException.Reason.CONFLICT, dup.reason());
            assertTrue(dup.getMessage().contains("EMP001 already belongs"));

            Person moved = persons.update(ana.withCollection("south").withPinHash("pbkdf2$x"), "boss");
            assertEquals("south", moved.collection());
            Person off = persons.deactivate(ana.id(), "boss");
            assertEquals(PersonStatus.INACTIVE, off.status());
            List<AuditLog.Entry> audit = new AuditLog(db).listForTarget("person:" + ana.id(), 10);
            assertEquals("person.update", audit.get(0).action());
            assertTrue(audit.get(1).detail().contains("\"pin\":\"changed\""), audit.get(1).detail());
            assertFalse(audit.get(1).detail().contains("pbkdf2"));
            assertEquals("boss", audit.get(0).actor());
        }
    }

    @Test
    void batchAddIsAllOrNothing() {
        try (Database db = Database.open(AppHome.at(dir))) {
            Person a = new PersonRepository(db).create(Person.newPerson("A", "A", null), "t");
            TemplateRepository templates = new TemplateRepository(db);
            Random r = new Random(4);
            List<TemplateRepository.NewTemplate> ok = List.of(
                    new TemplateRepository.NewTemplate(a.id(), "m", randomVector(r, 16), 0.8, TemplateSource.IMPORT),
                    new TemplateRepository.NewTemplate(a.id(), "m", randomVector(r, 16), 0.7, TemplateSource.IMPORT));
            assertEquals(2, templates.addBatch(ok, "import").size());
            List<TemplateRepository.NewTemplate> bad = List.of(
                    new TemplateRepository.NewTemplate(a.id(), "m", randomVector(r, 16), null, TemplateSource.IMPORT),
                    new TemplateRepository.NewTemplate(12345, "m", randomVector(r, 16), null, TemplateSource.IMPORT));
            assertThrows(StoreException.class, () -> templates.addBatch(bad, "import"));
            assertEquals(2, templates.loadAll("m").size(), "the failed batch left nothing behind");
        }
    }

    @Test
    void loadAllLeavesOutInactiveAndErasedPersons() {
        try (Database db = Database.open(AppHome.at(dir))) {
            PersonRepository persons = new PersonRepository(db);
            TemplateRepository templates = new TemplateRepository(db);
            Random r = new Random(5);
            Person a = persons.create(Person.newPerson("A", "A", null), "t");
            Person b = persons.create(Person.newPerson("B", "B", null), "t");
            templates.add(a.id(), "m", randomVector(r, 16), null, TemplateSource.UPLOAD);
            templates.add(b.id(), "m", randomVector(r, 16), null, TemplateSource.UPLOAD);
            persons.deactivate(b.id(), "t");
            assertEquals(List.of(a.id()), templates.loadAll("m").stream().map(TemplateEmbedding::personId).toList());
            assertEquals(2, templates.loadAll("m", true).size());
        }
    }

    @Test
    void eraseRemovesFaceDataAndPseudonymises() {
        try (Database db = Database.open(AppHome.at(dir))) {
            PersonRepository persons = new PersonRepository(db);
            TemplateRepository templates = new TemplateRepository(db);
            Person p = persons.create(Person.newPerson("E7", "Dora", null).withPinHash("h"), "t");
            templates.add(p.id(), "m", randomVector(new Random(9), 16), null, TemplateSource.UPLOAD);
            templates.add(p.id(), "m", randomVector(new Random(10), 16), null, TemplateSource.UPLOAD);
            ErasureResult res = persons.erase(p.id(), "admin");
            assertEquals(2, res.templatesDeleted());
            Person erased = persons.findById(p.id()).orElseThrow();
            assertEquals(PersonStatus.ERASED, erased.status());
            assertNull(erased.name());
            assertNull(erased.pinHash());
            assertEquals("E7", erased.employeeNo());
            assertTrue(templates.listForPerson(p.id()).isEmpty());
            assertTrue(persons.list(null, null).isEmpty());
            assertEquals(1, persons.list(null, null, true).size());
            assertThrows(StoreException.class, () -> templates.add(p.id(), "m", new float[] {1f}, null, TemplateSource.UPLOAD));
        }
    }
}
