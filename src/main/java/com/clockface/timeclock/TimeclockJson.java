package com.clockface.timeclock;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson set-up the timeclock records are written for: ISO-8601 text for dates, times and durations
 * ("2026-03-02", "2026-03-02T08:02:00+01:00", "PT8H30M"), and offsets kept as written when reading
 * (by default Jackson would shift every OffsetDateTime to UTC).
 */
public final class TimeclockJson {
    private TimeclockJson() {}

    public static ObjectMapper mapper() {
        return configure(JsonMapper.builder()).build();
    }

    /** Applies the timeclock settings to a builder the caller may configure further. */
    public static JsonMapper.Builder configure(JsonMapper.Builder b) {
        return b.addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }
}
