package com.clockface.timeclock;

import static com.clockface.timeclock.Punches.at;
import static com.clockface.timeclock.Punches.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.clockface.timeclock.CorrectionException.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectionTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final TimeclockSettings S = TimeclockSettings.defaults(BERLIN);
    static final Instant NOW = at("2026-03-10T12:00", BERLIN);
    static final PeriodLock FEB = new PeriodLock(null, LocalDate.parse("2026-02-23"), LocalDate.parse("2026-03-01"), "boss", NOW);

    static Problem problem(Correction c, Punch target) {
        return assertThrows(CorrectionException.class, () -> c.apply(target, NOW, S, List.of(FEB))).problem();
    }

    @Test
    void addCreatesAManualConfirmedPunch() {
        Correction c = Correction.add(1, PunchKind.IN, at("2026-03-02T21:30", BERLIN), BERLIN, " forgot to clock in ", "admin");
        Correction.Effect e = c.apply(null, NOW, S, List.of(FEB));
        assertNull(e.retired());
        assertEquals(PunchKind.IN, e.added().kind());
        assertEquals(PunchSource.MANUAL, e.added().source());
        assertEquals(PunchStatus.CONFIRMED, e.added().status());
        assertEquals("forgot to clock in", e.added().note());
        assertEquals(at("2026-03-02T21:30", BERLIN), e.added().at());
        assertEquals(Correction.MANUAL_KIOSK, e.added().kiosk());
        assertEquals(BERLIN, e.added().zone());
    }

    @Test
    void moveRetiresTheOldPunchAndAddsTheNewTime() {
        Punch p = in("2026-03-02T08:31", BERLIN);
        Correction.Effect e = Correction.move(p, at("2026-03-02T08:01", BERLIN), BERLIN, "queue at the kiosk", "admin")
                .apply(p, NOW, S, List.of(FEB));
        assertEquals(PunchStatus.DELETED, e.retired().status());
        assertEquals(p.id(), e.retired().id());
        assertEquals(PunchKind.IN, e.added().kind());
        assertEquals(at("2026-03-02T08:01", BERLIN), e.added().at());
        assertEquals(p.kiosk(), e.added().kiosk());
    }

    @Test
    void deleteOnlyRetires() {
        Punch p = in("2026-03-02T08:31", BERLIN);
        Correction.Effect e = Correction.delete(p, "double punch", "admin").apply(p, NOW, S, List.of());
        assertEquals(PunchStatus.DELETED, e.retired().status());
        assertNull(e.added());
    }

    @Test
    void reasonIsMandatory() {
        Punch p = in("2026-03-02T08:31", BERLIN);
        assertEquals(Problem.REASON_MISSING, problem(Correction.delete(p, "  ", "admin"), p));
        assertEquals(Problem.REASON_MISSING, problem(Correction.delete(p, null, "admin"), p));
    }

    @Test
    void noPunchInTheFuture() {
        Punch p = in("2026-03-02T08:31", BERLIN);
        assertEquals(Problem.TIME_IN_FUTURE,
                problem(Correction.move(p, at("2026-03-10T12:01", BERLIN), BERLIN, "early", "admin"), p));
        assertEquals(Problem.TIME_IN_FUTURE,
                problem(Correction.add(1, PunchKind.OUT, at("2026-03-11T08:00", BERLIN), BERLIN, "x", "admin"), null));
    }

    @Test
    void lockedPeriodRefusesCorrectionsAtEitherEnd() {
        Punch inLocked = in("2026-02-27T08:00", BERLIN);
        assertEquals(Problem.PERIOD_LOCKED, problem(Correction.delete(inLocked, "oops", "admin"), inLocked));
        Punch open = in("2026-03-02T08:00", BERLIN);
        // moving an open punch into the locked week is refused too
        assertEquals(Problem.PERIOD_LOCKED,
                problem(Correction.move(open, at("2026-03-01T23:00", BERLIN), BERLIN, "x", "admin"), open));
        // 02:00 on 2 March is still workday 1 March (boundary 04:00)
        assertEquals(Problem.PERIOD_LOCKED,
                problem(Correction.add(1, PunchKind.OUT, at("2026-03-02T02:00", BERLIN), BERLIN, "x", "admin"), null));
        // a lock for another person does not apply
        PeriodLock other = new PeriodLock(2L, LocalDate.parse("2026-02-23"), LocalDate.parse("2026-03-01"), "boss", NOW);
        Correction.delete(inLocked, "oops", "admin").apply(inLocked, NOW, S, List.of(other));
    }

    @Test
    void targetMustBeTheNamedActivePunchOfThatPerson() {
        Punch p = in("2026-03-02T08:31", BERLIN);
        assertEquals(Problem.NO_SUCH_PUNCH, problem(Correction.delete(p, "x", "admin"), null));
        Punch deleted = p.withStatus(PunchStatus.DELETED);
        assertEquals(Problem.PUNCH_NOT_ACTIVE, problem(Correction.delete(deleted, "x", "admin"), deleted));
        Punch someoneElse = new Punch(p.id(), 2, p.kind(), p.at(), p.zone(), p.kiosk(), p.source(), p.status(), null, null);
        assertEquals(Problem.WRONG_PERSON, problem(Correction.delete(p, "x", "admin"), someoneElse));
        assertEquals(Problem.KIND_MISSING,
                problem(Correction.add(1, null, at("2026-03-02T08:00", BERLIN), BERLIN, "x", "admin"), null));
    }

    @Test
    void localTimesInTheSpringGapAreRefused() {
        assertEquals(Problem.NO_SUCH_LOCAL_TIME, assertThrows(CorrectionException.class,
                () -> Correction.resolveLocal(LocalDateTime.parse("2026-03-29T02:30"), BERLIN)).problem());
        // fall-back: 02:30 happens twice; the earlier (summer time) one is meant
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"),
                Correction.resolveLocal(LocalDateTime.parse("2026-10-25T02:30"), BERLIN));
    }
}
