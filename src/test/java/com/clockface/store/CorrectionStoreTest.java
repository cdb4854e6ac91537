package com.clockface.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.clockface.timeclock.Correction;
import com.clockface.timeclock.CorrectionException;
import com.clockface.timeclock.PeriodLock;
import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchKind;
import com.clockface.timeclock.PunchSource;
import com.clockface.timeclock.PunchStatus;
import com.clockface.timeclock.TimeclockSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timeclock's corrections and period locks, persisted by the store. */
class CorrectionStoreTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(3));

    @TempDir Path dir;
    Database db;
    PunchRepository punches;
    Person ana;
    TimeclockSettings settings = TimeclockSettings.defaults(ZONE);

    @BeforeEach
    void open() {
        db = Database.open(AppHome.at(dir), Database.Options.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        punches = new PunchRepository(db);
        ana = new PersonRepository(db).create(Person.newPerson("EMP001", "Ana", null), "admin");
    }

    @Test
    void addMoveAndDeleteCorrectionsAreStoredAtomicallyAndAudited() {
        Punch in = punches.insert(new Punch(0, ana.id(), PunchKind.IN, T0, ZONE, "door", PunchSource.FACE,
                PunchStatus.CONFIRMED, null, null));

        Correction.Effect add = Correction.add(ana.id(), PunchKind.OUT, T0.plus(Duration.ofHours(8)), ZONE, "forgot to clock out", "boss")
                .apply(null, NOW, settings, List.of());
        Correction.Effect storedAdd = punches.apply(add);
        Punch out = storedAdd.added();
        assertTrue(out.id() > 0);
        assertEquals(PunchSource.MANUAL, out.source());

        Correction.Effect move = Correction.move(in, T0.minus(Duration.ofMinutes(15)), ZONE, "badge reader was late", "boss")
                .apply(in, NOW, settings, List.of());
        Correction.Effect storedMove = punches.apply(move);
        assertEquals(PunchStatus.DELETED, punches.find(in.id()).orElseThrow().status());
        assertEquals(T0.minus(Duration.ofMinutes(15)), punches.find(storedMove.added().id()).orElseThrow().at());

        Correction.Effect del = Correction.delete(out, "duplicate", "boss").apply(out, NOW, settings, List.of());
        Correction.Effect storedDel = punches.apply(del);
        assertNull(storedDel.added());
        assertEquals(PunchStatus.DELETED, punches.find(out.id()).orElseThrow().status());

        // the same retired punch cannot be corrected twice
        StoreException twice = assertThrows(StoreException.class, () -> punches.apply(del));
        assertEquals(StoreException.Reason.CONFLICT, twice.reason());

        List<AuditLog.Entry> audit = new AuditLog(db).list(10);
        long corrections = audit.stream().filter(e -> e.action().equals("punch.correct")).count();
        assertEquals(3, corrections);
        AuditLog.Entry m = new AuditLog(db).listForTarget("punch:" + in.id(), 1).get(0);
        assertTrue(m.detail().contains("\"type\":\"MOVE\"") && m.detail().contains("badge reader was late"), m.detail());
        assertEquals("boss", m.actor());
        assertTrue(punches.verifyChain().intact());
    }

    @Test
    void periodLocksAreStoredAndStopCorrections() {
        PeriodLockRepository locks = new PeriodLockRepository(db);
        PeriodLock l = locks.lock(ana.id(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 7), "boss");
        locks.lock(null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "boss");
        assertEquals(1, locks.list(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 5)).size());
        assertEquals(2, locks.list(null, null).size());
        assertTrue(locks.list(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)).isEmpty());
        PeriodLock stored = locks.list(LocalDate.of(2026, 3, 5), null).get(0);
        assertEquals(ana.id(), stored.personId());
        assertEquals("boss", stored.lockedBy());

        Correction c = Correction.add(ana.id(), PunchKind.IN, T0, ZONE, "forgot", "boss");
        assertThrows(CorrectionException.class, () -> c.apply(null, NOW, settings, locks.list(null, null)));

        assertTrue(locks.unlock(l, "boss", "wrong week approved"));
        assertFalse(locks.unlock(l, "boss", "again"));
        assertEquals(1, locks.list(null, null).size());
        assertThrows(IllegalArgumentException.class,
                () -> locks.lock(null, LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 1), "boss"));
        assertEquals("period.unlock", new AuditLog(db).list(1).get(0).action());
    }
}
