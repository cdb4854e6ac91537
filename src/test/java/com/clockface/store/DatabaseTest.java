package com.clockface.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    /** The newest migration in src/main/resources/db/migration. */
    static final String LATEST = "2";

    @TempDir Path dir;

    private static Set<String> tables(Database db) {
        return db.read(c -> {
            Set<String> names = new HashSet<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) names.add(rs.getString(1));
            }
            return names;
        });
    }

    @Test
    void migrationsCreateTheSchemaAndAreRerunnable() {
        AppHome home = AppHome.at(dir);
        try (Database db = Database.open(home)) {
            assertTrue(tables(db).containsAll(Set.of("person", "template", "punch", "check_event", "audit", "settings", "admin",
                    "period_lock")));
            assertEquals(LATEST, db.schemaVersion());
            new SettingsRepository(db).set("kiosk.name", "Front door");
        }
        // second open: nothing re-applied, data intact
        try (Database db = Database.open(home)) {
            assertEquals(LATEST, db.schemaVersion());
            assertEquals("Front door", new SettingsRepository(db).getString("kiosk.name", "?"));
            int applied = db.read(c -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(Integer.parseInt(LATEST), applied);
        }
        assertTrue(Files.isDirectory(home.logs()) && Files.isDirectory(home.capsules()));
    }

    @Test
    void aDatabaseFromANewerVersionIsRefused() {
        AppHome home = AppHome.at(dir);
        try (Database db = Database.open(home)) {
            db.write("pretend a newer version migrated", c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, "
                            + "script, checksum, installed_by, execution_time, success) "
                            + "VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 0, 'x', 0, 1)");
                }
            });
        }
        StoreException e = assertThrows(StoreException.class, () -> Database.open(home));
        assertTrue(e.getMessage().contains("newer ClockFace (schema version 99)"), e.getMessage());
    }

    @Test
    void backupIsAConsistentReadableCopy() throws Exception {
        AppHome home = AppHome.at(dir.resolve("live"));
        Path backup = dir.resolve("backup.db");
        try (Database db = Database.open(home)) {
            new PersonRepository(db).create(Person.newPerson("E1", "Ana", null), "t");
            db.backupTo(backup);
            assertThrows(StoreException.class, () -> db.backupTo(backup));
        }
        Path restored = dir.resolve("restored");
        Files.createDirectories(restored);
        Files.copy(backup, restored.resolve("clockface.db"));
        try (Database db = Database.open(AppHome.at(restored).withKeyFile(home.keyFile()))) {
            assertEquals("Ana", new PersonRepository(db).findByEmployeeNo("E1").orElseThrow().name());
        }
    }

    @Test
    void connectionsUseWalForeignKeysAndFullSync() {
        try (Database db = Database.open(AppHome.at(dir))) {
            db.read(c -> {
                try (Statement st = c.createStatement()) {
                    assertEquals("wal", one(st, "PRAGMA journal_mode"));
                    assertEquals("1", one(st, "PRAGMA foreign_keys"));
                    assertEquals("2", one(st, "PRAGMA synchronous")); // FULL
                    assertEquals("5000", one(st, "PRAGMA busy_timeout"));
                }
                return null;
            });
        }
    }

    private static String one(Statement st, String sql) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void lockedDatabaseGivesAClearSentence() throws Exception {
        AppHome home = AppHome.at(dir);
        try (Database db = Database.open(home, Database.Options.defaults().withBusyTimeoutMs(200));
             Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.database())) {
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                st.executeUpdate("INSERT INTO settings (key, value) VALUES ('held', 'by another program')");
            }
            SettingsRepository settings = new SettingsRepository(db);
            StoreException e = assertThrows(StoreException.class, () -> settings.set("kiosk.name", "x"));
            assertEquals(StoreException.Reason.LOCKED, e.reason());
            assertTrue(e.getMessage().contains("locked by another program"), e.getMessage());
            assertTrue(e.getMessage().contains("Close the other program"), e.getMessage());
            // reads still work in WAL mode while another program writes
            assertEquals("fallback", settings.getString("kiosk.name", "fallback"));
            other.rollback();
            settings.set("kiosk.name", "x"); // and the lock going away fixes it
        }
    }

    @Test
    void exclusivelyLockedDatabaseCannotBeOpened() throws Exception {
        AppHome home = AppHome.at(dir);
        Database.open(home).close();
        try (Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.database());
             Statement st = other.createStatement()) {
            st.execute("PRAGMA locking_mode = EXCLUSIVE");
            st.execute("BEGIN EXCLUSIVE");
            st.executeUpdate("INSERT INTO settings (key, value) VALUES ('held', 'x')");
            StoreException e = assertThrows(StoreException.class,
                    () -> Database.open(home, Database.Options.defaults().withBusyTimeoutMs(200)));
            assertEquals(StoreException.Reason.LOCKED, e.reason(), e.getMessage());
            st.execute("ROLLBACK");
        }
    }

    @Test
    void fullDiskRefusesTheWriteAndKeepsEarlierData() {
        AppHome home = AppHome.at(dir);
        Database.open(home).close();
        long pages = pageCount(home);
        // Cap the file a few pages above its current size: the same SQLITE_FULL a full disk gives.
        try (Database db = Database.open(home, Database.Options.defaults().withMaxPageCount((int) pages + 6))) {
            PersonRepository persons = new PersonRepository(db);
            TemplateRepository templates = new TemplateRepository(db);
            Person p = persons.create(Person.newPerson("E1", "Ana Lima", null), "test");
            Random r = new Random(1);
            StoreException e = assertThrows(StoreException.class, () -> {
                for (int i = 0; i < 1000; i++) {
                    float[] v = new float[512];
                    for (int j = 0; j < v.length; j++) v[j] = (float) r.nextGaussian();
                    templates.add(p.id(), "m", v, 0.9, TemplateSource.UPLOAD);
                }
            });
            assertEquals(StoreException.Reason.DISK_FULL, e.reason());
            assertTrue(e.getMessage().contains("is full, so nothing was saved"), e.getMessage());
            int stored = templates.listForPerson(p.id()).size();
            assertEquals(stored, templates.loadAll("m").size()); // every stored one still decrypts
            assertTrue(persons.findByEmployeeNo("E1").isPresent());
        }
    }

    private static long pageCount(AppHome home) {
        try (Database db = Database.open(home)) {
            return db.read(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    return Long.parseLong(one(st, "PRAGMA page_count"));
                }
            });
        }
    }

    @Test
    void garbageFileIsReportedAsNotADatabase() throws Exception {
        AppHome home = AppHome.at(dir);
        byte[] junk = new byte[16384];
        new Random(7).nextBytes(junk);
        Files.write(home.database(), junk);
        StoreException e = assertThrows(StoreException.class, () -> Database.open(home));
        assertEquals(StoreException.Reason.CORRUPT, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("is not a ClockFace database or it is damaged"), e.getMessage());
        assertTrue(e.getMessage().contains("Restore it from a backup"), e.getMessage());
        // and nothing was overwritten
        assertEquals(junk.length, Files.size(home.database()));
    }

    @Test
    void damagedDatabaseIsReportedAsCorrupt() throws Exception {
        AppHome home = AppHome.at(dir);
        try (Database db = Database.open(home)) {
            PersonRepository persons = new PersonRepository(db);
            for (int i = 0; i < 200; i++) persons.create(Person.newPerson("E" + i, "Person " + i, "site"), "test");
            db.read(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                return null;
            });
        }
        // Overwrite the pages after the first with noise, keeping the valid header.
        byte[] bytes = Files.readAllBytes(home.database());
        Random r = new Random(3);
        for (int i = 4096; i < bytes.length; i++) bytes[i] = (byte) r.nextInt();
        Files.write(home.database(), bytes);
        StoreException e = assertThrows(StoreException.class, () -> {
            try (Database db = Database.open(home)) {
                new PersonRepository(db).list(null, null);
            }
        });
        assertEquals(StoreException.Reason.CORRUPT, e.reason(), e.getMessage());
    }

    @Test
    void unwritableLocationIsReportedAsReadOnly() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        StoreException e = assertThrows(StoreException.class, () -> Database.open(AppHome.at(file.resolve("home"))));
        assertEquals(StoreException.Reason.READ_ONLY, e.reason());
        assertTrue(e.getMessage().contains("--home"), e.getMessage());
    }

    @Test
    void readOnlyDatabaseFileIsReportedAsReadOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root ignores file permissions");
        AppHome home = AppHome.at(dir);
        Database.open(home).close();
        Files.setPosixFilePermissions(home.database(), Set.of(PosixFilePermission.OWNER_READ));
        Files.setPosixFilePermissions(dir, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE));
        try {
            StoreException e = assertThrows(StoreException.class, () -> {
                try (Database db = Database.open(home)) {
                    new SettingsRepository(db).set("a", "b");
                }
            });
            assertEquals(StoreException.Reason.READ_ONLY, e.reason(), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(dir, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
        }
    }

    @Test
    void homeResolutionFollowsFlagThenEnvThenOs() {
        Path flag = dir.resolve("flag");
        assertEquals(flag, AppHome.resolve(flag, Map.of("CLOCKFACE_HOME", "/elsewhere"), "Linux", "/fake-user-home").dir());
        assertEquals(Path.of("/elsewhere"), AppHome.resolve(null, Map.of("CLOCKFACE_HOME", "/elsewhere"), "Linux", "/fake-user-home").dir());
        assertEquals(Path.of("/x/data/clockface"), AppHome.resolve(null, Map.of("XDG_DATA_HOME", "/x/data"), "Linux", "/fake-user-home").dir());
        assertEquals(Path.of("/fake-user-home/.local/share/clockface"), AppHome.resolve(null, Map.of(), "Linux", "/fake-user-home").dir());
        assertEquals(Path.of("/fake-user-home/Library/Application Support/ClockFace"),
                AppHome.resolve(null, Map.of(), "Mac OS X", "/fake-user-home").dir());
        assertEquals(Path.of("/appdata/ClockFace"), AppHome.resolve(null, Map.of("APPDATA", "/appdata"), "Windows 11", "/fake-user-home").dir());
        AppHome h = AppHome.resolve(flag, Map.of("CLOCKFACE_KEY_FILE", "/keys/k"), "Linux", "/fake-user-home");
        assertEquals(Path.of("/keys/k"), h.keyFile());
        assertEquals(flag.resolve("clockface.db"), h.database());
        assertFalse(h.keyFile().startsWith(flag));
    }
}
