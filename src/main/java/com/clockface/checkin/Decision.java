package com.clockface.checkin;

/** What a check-in ended in. Only PUNCH_IN and PUNCH_OUT record a counting punch; REVIEW records a PENDING one. */
public enum Decision {
    PUNCH_IN, PUNCH_OUT,
    /** The same person punched less than the debounce period ago: nothing recorded. */
    ALREADY_PUNCHED,
    /** Live, but nobody in the gallery matched well enough. */
    UNKNOWN_PERSON,
    /** Doubtful liveness (or match): a PENDING punch waits for an admin. */
    REVIEW,
    /** Liveness FAIL: a presentation or injection attack. */
    ATTACK,
    /** The kiosk is locked after repeated attacks (cool-down). */
    LOCKED,
    /** No result: no usable face, broken input, a store failure. */
    ERROR;

    public boolean punched() { return this == PUNCH_IN || this == PUNCH_OUT; }
}
