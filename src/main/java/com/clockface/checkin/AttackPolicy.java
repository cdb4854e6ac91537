package com.clockface.checkin;

import com.clockface.store.CheckEvent;
import com.clockface.store.CheckEventRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Locks a kiosk after repeated attacks: when {@code limit} ATTACK check events of this kiosk fall within
 * {@code window}, the kiosk refuses check-ins until {@code lock} after the last of them.
 *
 * <p>The state is the check_event table itself (decision {@code ATTACK}), not a counter: it survives a restart,
 * needs no schema change, and an admin who rejects nothing cannot "reset" it by accident. The person an attack
 * matched is flagged by the attack's check event entering the review queue with that person (see
 * {@link CheckinService}); this class only answers "is the kiosk locked, until when".
 */
public final class AttackPolicy {

    public static final String ATTACK = "ATTACK";

    private final CheckEventRepository events;
    private final String kiosk;
    private final int limit;
    private final Duration window;
    private final Duration lock;

    public AttackPolicy(CheckEventRepository events, String kiosk, int limit, Duration window, Duration lock) {
        if (limit < 0) throw new IllegalArgumentException("attack limit must not be negative");
        this.events = events;
        this.kiosk = kiosk;
        this.limit = limit;
        this.window = window;
        this.lock = lock;
    }

    public static AttackPolicy of(CheckEventRepository events, CheckinSettings s) {
        return new AttackPolicy(events, s.kiosk(), s.attackLimit(), s.attackWindow(), s.lockDuration());
    }

    /** When the kiosk unlocks, if it is locked at {@code now}. */
    public Optional<Instant> lockedUntil(Instant now) {
        if (limit == 0) return Optional.empty(); // 0 = never lock
        // any lock still running was triggered by an attack within (now - lock - window, now]
        List<Instant> attacks = events.listRange(now.minus(lock).minus(window), now.plusMillis(1), 10_000).stream()
                .filter(e -> kiosk.equals(e.kiosk()) && ATTACK.equals(e.decision()))
                .map(CheckEvent::at)
                .sorted()
                .toList();
        Instant until = null;
        for (int i = limit - 1; i < attacks.size(); i++) {
            Instant last = attacks.get(i);
            if (!last.minus(window).isAfter(attacks.get(i - limit + 1))) {
                Instant u = last.plus(lock);
                if (u.isAfter(now) && (until == null || u.isAfter(until))) until = u;
            }
        }
        return Optional.ofNullable(until);
    }

    public int limit() { return limit; }
    public Duration window() { return window; }
    public Duration lock() { return lock; }
}
