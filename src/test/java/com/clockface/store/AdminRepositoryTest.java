package com.clockface.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminRepositoryTest {

    @TempDir Path dir;

    /** A clock the test moves forward. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void secretHashVerifiesOnlyTheRightSecret() {
        String h = SecretHash.hash("1234".toCharArray(), 1000);
        assertTrue(h.startsWith("pbkdf2-sha256$1000$"));
        assertFalse(h.contains("1234"));
        assertTrue(SecretHash.verify("1234".toCharArray(), h));
        assertFalse(SecretHash.verify("1235".toCharArray(), h));
        assertFalse(SecretHash.verify("1234".toCharArray(), "garbage"));
        assertNotEquals(h, SecretHash.hash("1234".toCharArray(), 1000), "salted");
        assertThrows(IllegalArgumentException.class, () -> SecretHash.hash(new char[0], 1000));
    }

    @Test
    void lockoutAfterFailedTriesAndUnlockAfterTheLockTime() {
        TestClock clock = new TestClock();
        try (Database db = Database.open(AppHome.at(dir), Database.Options.defaults().withClock(clock))) {
            new SettingsRepository(db).set(AdminRepository.SETTING_MAX_TRIES, 3);
            AdminRepository admins = new AdminRepository(db, 1000);
            assertTrue(admins.none());
            char[] secret = "s3cret".toCharArray();
            admins.create("Maria", secret, "setup");
            assertEquals('\0', secret[0], "the caller's secret is wiped");
            assertFalse(admins.none());
            assertThrows(StoreException.class, () -> admins.create("maria", "x".toCharArray(), "setup"));

            assertTrue(admins.authenticate("maria", "s3cret".toCharArray()).ok());
            AdminRepository.Result r1 = admins.authenticate("Maria", "nope".toCharArray());
            assertEquals(AdminRepository.Outcome.WRONG_SECRET, r1.outcome());
            assertEquals(2, r1.triesLeft());
            admins.authenticate("Maria", "nope".toCharArray());
            AdminRepository.Result locked = admins.authenticate("Maria", "nope".toCharArray());
            assertEquals(AdminRepository.Outcome.LOCKED, locked.outcome());
            assertEquals(clock.now.plus(Duration.ofMinutes(15)), locked.lockedUntil());
            // even the right secret is refused while locked
            assertEquals(AdminRepository.Outcome.LOCKED, admins.authenticate("Maria", "s3cret".toCharArray()).outcome());
            clock.now = clock.now.plus(Duration.ofMinutes(16));
            assertTrue(admins.authenticate("Maria", "s3cret".toCharArray()).ok());
            assertEquals(AdminRepository.Outcome.UNKNOWN, admins.authenticate("Nobody", "x".toCharArray()).outcome());
            assertEquals("admin.locked", new AuditLog(db).listForTarget("admin:Maria", 10).stream()
                    .filter(e -> e.action().equals("admin.locked")).findFirst().orElseThrow().action());
            assertThrows(StoreException.class, () -> admins.delete("Maria", "x"), "last admin stays");
        }
    }

    @Test
    void storedPathsAreRelativeToTheDataFolder() {
        AppHome home = AppHome.at(dir);
        Path capsule = home.capsules().resolve("2026-03-02/ev1.zip");
        assertEquals("capsules/2026-03-02/ev1.zip", home.toStored(capsule));
        assertEquals(capsule, home.resolveStored(home.toStored(capsule)));
        Path outside = dir.getParent().resolve("elsewhere.zip").toAbsolutePath();
        assertEquals(outside, home.resolveStored(home.toStored(outside)));
    }
}
