package com.clockface.timeclock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a recognised person's check-in should record now.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li><b>Debounce</b>: if the person has a punch (CONFIRMED or PENDING; rejected and deleted ones are
 *   ignored) less than {@link TimeclockSettings#debounce()} away from {@code now} (either side: clock skew), the outcome is {@link Outcome#ALREADY_PUNCHED} with that punch, and nothing is recorded.</li>
 *   <li><b>Kind</b>: OUT if the last <i>counting</i> (CONFIRMED) punch of the current workday is an IN,
 *   IN if it is an OUT or there is none. One carry-over: when the current workday has no counting punch
 *   yet and the person's last counting punch is an IN from the previous workday less than
 *   {@link TimeclockSettings#overlongShift()} ago, the person is still on that shift (a night shift that
 *   runs past the boundary hour) and the kind is OUT. A forgotten OUT older than that resets to IN.</li>
 * </ol>
 *
 * @param outcome  PUNCH (record a punch of {@code kind}) or ALREADY_PUNCHED
 * @param kind     the kind to record (for ALREADY_PUNCHED: the kind of the previous punch)
 * @param workday  the workday of {@code now}
 * @param previous the punch that caused ALREADY_PUNCHED, else the last counting punch considered, or null
 */
public record PunchDecision(Outcome outcome, PunchKind kind, LocalDate workday, Punch previous) {

    public enum Outcome { PUNCH, ALREADY_PUNCHED }

    private static final Comparator<Punch> CHRONO =
            Comparator.comparing(Punch::at).thenComparingLong(Punch::id);

    /**
     * @param personId the recognised person
     * @param recent   that person's recent punches (at least the previous and current workday); punches of
     *                 other people in the collection are ignored
     * @param now      the time of the check-in
     */
    public static PunchDecision decide(long personId, Collection<Punch> recent, Instant now, TimeclockSettings s) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(s, "settings");
        List<Punch> mine = recent.stream()
                .filter(p -> p.personId() == personId)
                .filter(p -> p.status() == PunchStatus.CONFIRMED || p.status() == PunchStatus.PENDING)
                .sorted(CHRONO)
                .toList();
        LocalDate today = Workdays.workdayOf(now, s);

        // A punch within the window on either side of now (the far future is a broken clock, not a debounce).
        Instant debounceFrom = now.minus(s.debounce());
        Instant debounceTo = now.plus(s.debounce());
        for (int i = mine.size() - 1; i >= 0; i--) {
            Punch p = mine.get(i);
            if (!p.at().isBefore(debounceTo)) continue;
            if (p.at().isAfter(debounceFrom)) return new PunchDecision(Outcome.ALREADY_PUNCHED, p.kind(), today, p);
            break;
        }

        Punch last = null;
        for (Punch p : mine) if (p.counts() && !p.at().isAfter(now)) last = p;
        if (last == null) return new PunchDecision(Outcome.PUNCH, PunchKind.IN, today, null);

        LocalDate lastDay = Workdays.workdayOf(last, s);
        PunchKind next;
        if (lastDay.equals(today)) {
            next = last.kind() == PunchKind.IN ? PunchKind.OUT : PunchKind.IN;
        } else {
            boolean openNightShift = last.kind() == PunchKind.IN
                    && lastDay.equals(today.minus(1, ChronoUnit.DAYS))
                    && Duration.between(last.at(), now).compareTo(s.overlongShift()) < 0;
            next = openNightShift ? PunchKind.OUT : PunchKind.IN;
        }
        return new PunchDecision(Outcome.PUNCH, next, today, last);
    }

    public boolean alreadyPunched() { return outcome == Outcome.ALREADY_PUNCHED; }

    /**
     * The sentence for the screen when {@link #alreadyPunched()}: "already clocked in at 08:02"; null otherwise.
     * The time is the previous punch's wall-clock time in its own zone.
     */
    public String alreadyPunchedText(ZoneId fallbackZone) {
        if (!alreadyPunched()) return null;
        return "already clocked " + (kind == PunchKind.IN ? "in" : "out") + " at " + previousLocalTime(fallbackZone);
    }

    /** Wall-clock time of the previous punch in its own zone (e.g. for "already clocked in at 08:02"), or null. */
    public LocalTime previousLocalTime(ZoneId fallbackZone) {
        if (previous == null) return null;
        ZoneId z = previous.zone() != null ? previous.zone() : fallbackZone;
        return LocalTime.ofInstant(previous.at(), z).truncatedTo(ChronoUnit.MINUTES);
    }
}
