package com.clockface.timeclock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One IN/OUT pair. Times are local wall-clock times with their UTC offset (unambiguous across DST).
 *
 * @param workday    the workday the shift started in (for a lone OUT: the OUT's workday)
 * @param in         the IN punch, null when MISSING_IN
 * @param out        the OUT punch, null when MISSING_OUT
 * @param roundedIn  {@code in} after the site's rounding (equal to it with rounding NONE)
 * @param roundedOut {@code out} after rounding
 * @param worked     the time that counts: roundedOut − roundedIn measured between instants; zero when a
 *                   punch is missing
 * @param actual     out − in between the real instants, unrounded; zero when a punch is missing
 * @param flags      what is wrong or notable
 * @param inPunchId  id of the IN punch, or null
 * @param outPunchId id of the OUT punch, or null
 */
@JsonIgnoreProperties(value = {"hours"}, allowGetters = true)
public record Shift(LocalDate workday, OffsetDateTime in, OffsetDateTime out, OffsetDateTime roundedIn,
                    OffsetDateTime roundedOut, Duration worked, Duration actual, Set<ShiftFlag> flags,
                    Long inPunchId, Long outPunchId) {

    public Shift {
        Objects.requireNonNull(workday, "workday");
        Objects.requireNonNull(worked, "worked");
        Objects.requireNonNull(actual, "actual");
        flags = flagSet(flags);
    }

    /** {@link #worked()} as decimal hours, two places. */
    @JsonProperty("hours")
    public BigDecimal hours() { return Hours.of(worked); }

    public boolean has(ShiftFlag f) { return flags.contains(f); }

    public boolean missingPunch() { return has(ShiftFlag.MISSING_IN) || has(ShiftFlag.MISSING_OUT); }

    static Set<ShiftFlag> flagSet(Collection<ShiftFlag> flags) {
        EnumSet<ShiftFlag> set = EnumSet.noneOf(ShiftFlag.class);
        if (flags != null) set.addAll(flags);
        return Collections.unmodifiableSet(set);
    }
}
