package com.clockface.timeclock;

/** A correction that must not be applied, with a reason code for the screen and a sentence for people. */
public final class CorrectionException extends IllegalArgumentException {

    public enum Problem {
        REASON_MISSING, TIME_IN_FUTURE, TIME_MISSING, KIND_MISSING, NO_SUCH_PUNCH, WRONG_PERSON,
        PUNCH_NOT_ACTIVE, PERIOD_LOCKED, NOTHING_TO_CHANGE, NO_SUCH_LOCAL_TIME
    }

    private final Problem problem;

    public CorrectionException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() { return problem; }
}
