package com.clockface.timeclock;

import static com.clockface.timeclock.Punches.at;
import static com.clockface.timeclock.Punches.in;
import static com.clockface.timeclock.Punches.out;
import static com.clockface.timeclock.Punches.punch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.clockface.timeclock.PunchDecision.Outcome;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PunchDecisionTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final TimeclockSettings S = TimeclockSettings.defaults(BERLIN);

    @Test
    void firstPunchOfTheDayIsIn() {
        PunchDecision d = PunchDecision.decide(1, List.of(), at("2026-03-02T08:02", BERLIN), S);
        assertEquals(Outcome.PUNCH, d.outcome());
        assertEquals(PunchKind.IN, d.kind());
        assertEquals(LocalDate.of(2026, 3, 2), d.workday());
    }

    @Test
    void alternatesWithinTheWorkday() {
        Punch i = in("2026-03-02T08:02", BERLIN);
        assertEquals(PunchKind.OUT, PunchDecision.decide(1, List.of(i), at("2026-03-02T12:00", BERLIN), S).kind());
        Punch o = out("2026-03-02T12:00", BERLIN);
        assertEquals(PunchKind.IN, PunchDecision.decide(1, List.of(o, i), at("2026-03-02T12:30", BERLIN), S).kind());
    }

    @Test
    void secondPunchWithinSixtySecondsIsAlreadyPunched() {
        Punch i = in("2026-03-02T08:02:10", BERLIN);
        PunchDecision d = PunchDecision.decide(1, List.of(i), at("2026-03-02T08:03:09", BERLIN), S);
        assertEquals(Outcome.ALREADY_PUNCHED, d.outcome());
        assertSame(i, d.previous());
        assertEquals(PunchKind.IN, d.kind());
        assertEquals(LocalTime.of(8, 2), d.previousLocalTime(BERLIN));
        assertEquals("already clocked in at 08:02", d.alreadyPunchedText(BERLIN));

        PunchDecision later = PunchDecision.decide(1, List.of(i), at("2026-03-02T08:03:11", BERLIN), S);
        assertEquals(Outcome.PUNCH, later.outcome());
        assertEquals(PunchKind.OUT, later.kind());
        assertNull(later.alreadyPunchedText(BERLIN));
    }

    @Test
    void pendingPunchDebouncesButDoesNotCountForTheKind() {
        Punch pending = punch(1, PunchKind.IN, at("2026-03-02T08:02", BERLIN), BERLIN, PunchStatus.PENDING);
        assertEquals(Outcome.ALREADY_PUNCHED,
                PunchDecision.decide(1, List.of(pending), at("2026-03-02T08:02:30", BERLIN), S).outcome());
        PunchDecision d = PunchDecision.decide(1, List.of(pending), at("2026-03-02T08:05", BERLIN), S);
        assertEquals(PunchKind.IN, d.kind());
        assertNull(d.previous());
    }

    @Test
    void rejectedAndOtherPeoplesPunchesAreIgnored() {
        Punch rejected = punch(1, PunchKind.IN, at("2026-03-02T08:02", BERLIN), BERLIN, PunchStatus.REJECTED);
        Punch other = punch(2, PunchKind.IN, at("2026-03-02T08:02", BERLIN), BERLIN, PunchStatus.CONFIRMED);
        PunchDecision d = PunchDecision.decide(1, List.of(rejected, other), at("2026-03-02T08:02:20", BERLIN), S);
        assertEquals(Outcome.PUNCH, d.outcome());
        assertEquals(PunchKind.IN, d.kind());
    }

    @Test
    void debounceWindowIsASetting() {
        Punch i = in("2026-03-02T08:00", BERLIN);
        TimeclockSettings fiveMinutes = S.withDebounce(java.time.Duration.ofMinutes(5));
        assertEquals(Outcome.ALREADY_PUNCHED,
                PunchDecision.decide(1, List.of(i), at("2026-03-02T08:04", BERLIN), fiveMinutes).outcome());
        assertEquals(Outcome.PUNCH,
                PunchDecision.decide(1, List.of(i), at("2026-03-02T08:04", BERLIN), S).outcome());
    }

    @Test
    void forgottenOutResetsToInAfterTheBoundaryHour() {
        Punch i = in("2026-03-02T08:00", BERLIN);
        // 03:59 next morning: still workday 2 March, the shift is open -> OUT
        PunchDecision before = PunchDecision.decide(1, List.of(i), at("2026-03-03T03:59", BERLIN), S);
        assertEquals(LocalDate.of(2026, 3, 2), before.workday());
        assertEquals(PunchKind.OUT, before.kind());
        // 04:00: a new workday, and the IN is 20 h old (> 16 h): a fresh IN
        PunchDecision after = PunchDecision.decide(1, List.of(i), at("2026-03-03T04:00", BERLIN), S);
        assertEquals(LocalDate.of(2026, 3, 3), after.workday());
        assertEquals(PunchKind.IN, after.kind());
    }

    @Test
    void nightShiftAcrossMidnightIsOneWorkday() {
        Punch i = in("2026-03-02T22:00", BERLIN);
        PunchDecision d = PunchDecision.decide(1, List.of(i), at("2026-03-03T03:30", BERLIN), S);
        assertEquals(LocalDate.of(2026, 3, 2), d.workday());
        assertEquals(PunchKind.OUT, d.kind());
    }

    @Test
    void nightShiftRunningPastTheBoundaryStillEndsWithOut() {
        Punch i = in("2026-03-02T22:00", BERLIN);
        PunchDecision d = PunchDecision.decide(1, List.of(i), at("2026-03-03T06:00", BERLIN), S);
        assertEquals(LocalDate.of(2026, 3, 3), d.workday());
        assertEquals(PunchKind.OUT, d.kind());
        assertSame(i, d.previous());
    }

    @Test
    void workdayBoundaryIsWallClockOnDstNights() {
        // Berlin springs forward 2026-03-29 02:00 -> 03:00; 04:30 is still after a 04:00 boundary
        assertEquals(LocalDate.of(2026, 3, 29), Workdays.workdayOf(at("2026-03-29T04:30", BERLIN), S));
        assertEquals(LocalDate.of(2026, 3, 28), Workdays.workdayOf(at("2026-03-29T03:30", BERLIN), S));
        // and falls back 2026-10-25 03:00 -> 02:00
        assertEquals(LocalDate.of(2026, 10, 25), Workdays.workdayOf(at("2026-10-25T04:00", BERLIN), S));
        assertEquals(LocalDate.of(2026, 10, 24), Workdays.workdayOf(at("2026-10-25T03:59", BERLIN), S));
    }

    @Test
    void boundaryHourIsASetting() {
        TimeclockSettings noon = S.withWorkdayStart(LocalTime.NOON);
        assertEquals(LocalDate.of(2026, 3, 1), Workdays.workdayOf(at("2026-03-02T11:59", BERLIN), noon));
        assertEquals(LocalDate.of(2026, 3, 2), Workdays.workdayOf(at("2026-03-02T12:00", BERLIN), noon));
    }
}
