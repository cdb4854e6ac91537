package com.clockface.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.clockface.admin.AdminAccounts.LoginException;
import com.clockface.store.AppHome;
import com.clockface.store.AuditLog;
import com.clockface.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminAccountsTest {

    /** A clock the test moves forward. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    /** Below the production cost, to keep the test fast; the hashing itself is the store's (AdminRepositoryTest). */
    static final int FAST = 10_000;

    @Test
    void firstAdminThenLoginLockoutAndCoolDown(@TempDir Path dir) {
        MovingClock clock = new MovingClock();
        Database db = Database.open(AppHome.at(dir), Database.Options.defaults().withClock(clock));
        AdminAccounts acc = new AdminAccounts(db, FAST);
        assertFalse(acc.exists());
        assertEquals(LoginException.Reason.NO_ADMIN_YET, assertThrows(LoginException.class, () -> acc.login(null, "246810")).reason());
        assertThrows(IllegalArgumentException.class, () -> acc.createFirst("Maria", "12345", "kiosk"));
        assertThrows(IllegalArgumentException.class, () -> acc.createFirst("Maria", "111111", "kiosk"));
        AdminAccounts.Admin maria = acc.createFirst("Maria", "246810", "kiosk:front");
        assertTrue(acc.exists());
        assertThrows(IllegalArgumentException.class, () -> acc.createFirst("Eve", "97531086", "kiosk:front"), "only the first");

        assertEquals(maria, acc.login(null, "246810"), "one admin: the PIN alone signs in");

        new KioskSettings(db).set(KioskSettings.ADMIN_LOCKOUT_AFTER.name(), "3", "Maria");
        assertEquals("3", new KioskSettings(db).get("admin.max_failed_tries"), "the store reads the same key");
        LoginException w1 = assertThrows(LoginException.class, () -> acc.login("Maria", "000001"));
        assertEquals(LoginException.Reason.WRONG_SECRET, w1.reason());
        assertEquals(2, w1.triesLeft());
        assertThrows(LoginException.class, () -> acc.login("Maria", "000002"));
        LoginException locked = assertThrows(LoginException.class, () -> acc.login("Maria", "000003"));
        assertEquals(LoginException.Reason.LOCKED, locked.reason());
        assertEquals(clock.now.plus(Duration.ofMinutes(15)), locked.lockedUntil());
        // Even the right PIN is refused during the cool-down.
        assertEquals(LoginException.Reason.LOCKED, assertThrows(LoginException.class, () -> acc.login("Maria", "246810")).reason());
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertEquals(maria, acc.login("Maria", "246810"));
        // A good sign-in resets the count.
        assertEquals(2, assertThrows(LoginException.class, () -> acc.login("Maria", "000004")).triesLeft());

        AdminAccounts.Admin bob = acc.create("Bob", "a long password", maria);
        assertEquals(LoginException.Reason.NAME_NEEDED, assertThrows(LoginException.class, () -> acc.login("", "246810")).reason());
        assertEquals(LoginException.Reason.UNKNOWN_NAME, assertThrows(LoginException.class, () -> acc.login("Zed", "246810")).reason());
        assertEquals(bob, acc.login("Bob", "a long password"));

        List<String> actions = new AuditLog(db).list(50).stream().map(AuditLog.Entry::action).toList();
        for (String a : List.of("admin.create", "admin.sign_in", "admin.sign_in_failed", "admin.locked")) {
            assertTrue(actions.contains(a), a + " in " + actions);
        }
        assertTrue(new AuditLog(db).list(50).stream().noneMatch(e -> e.detail() != null && e.detail().contains("246810")),
                "no secret in the audit log");
    }

    @Test
    void anAdminChangesTheirOwnSecretOnlyWithTheCurrentOneAndTheCommandLineResetsAForgottenOne(@TempDir Path dir) {
        MovingClock clock = new MovingClock();
        Database db = Database.open(AppHome.at(dir), Database.Options.defaults().withClock(clock));
        AdminAccounts acc = new AdminAccounts(db, FAST);
        AdminAccounts.Admin maria = acc.createFirst("Maria", "246810", "kiosk:front");
        new KioskSettings(db).set(KioskSettings.ADMIN_LOCKOUT_AFTER.name(), "2", "Maria");

        assertEquals(LoginException.Reason.WRONG_SECRET,
                assertThrows(LoginException.class, () -> acc.changeOwnSecret(maria, "000000", "97531086")).reason());
        assertEquals(maria, acc.login("Maria", "246810"), "a wrong current secret changes nothing");
        assertThrows(IllegalArgumentException.class, () -> acc.changeOwnSecret(maria, "246810", "1234"), "the PIN rules apply");
        assertThrows(IllegalArgumentException.class, () -> acc.changeOwnSecret(maria, "246810", "246810"));
        acc.changeOwnSecret(maria, "246810", "97531086");
        assertEquals(LoginException.Reason.WRONG_SECRET, assertThrows(LoginException.class, () -> acc.login("Maria", "246810")).reason());
        assertEquals(maria, acc.login("Maria", "97531086"));

        // wrong current secrets count as failed sign-ins: the lockout applies to the change screen too
        assertThrows(LoginException.class, () -> acc.changeOwnSecret(maria, "111112", "86420975"));
        assertEquals(LoginException.Reason.LOCKED,
                assertThrows(LoginException.class, () -> acc.changeOwnSecret(maria, "111113", "86420975")).reason());
        assertEquals(1, acc.list().size());
        assertTrue(acc.list().get(0).locked(clock.now));

        // forgotten: the command line on the kiosk's PC sets a new one and clears the lock
        acc.resetSecret("Maria", "86420975", "cli:root");
        assertFalse(acc.list().get(0).locked(clock.now));
        assertEquals(maria, acc.login("Maria", "86420975"));
        List<AuditLog.Entry> changes = new AuditLog(db).list(50).stream().filter(e -> e.action().equals("admin.change_secret")).toList();
        assertEquals(List.of("cli:root", "Maria"), changes.stream().map(AuditLog.Entry::actor).toList());
    }
}
