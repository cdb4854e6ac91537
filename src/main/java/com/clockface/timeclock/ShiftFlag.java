package com.clockface.timeclock;

/** Why a shift needs a look. MISSING_* shifts count zero hours until an admin corrects them. */
public enum ShiftFlag {
    /** An IN with no OUT after it (the next punch was another IN, or none yet). Never closed silently. */
    MISSING_OUT,
    /** An OUT with no IN before it. */
    MISSING_IN,
    /** Longer than {@link TimeclockSettings#overlongShift()}; counted, but probably two shifts with lost punches. */
    OVERLONG,
    /** IN and OUT fall on different local calendar dates (a night shift). */
    CROSSES_MIDNIGHT
}
