package com.clockface.timeclock;

import static com.clockface.timeclock.Punches.in;
import static com.clockface.timeclock.Punches.out;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeclockJsonTest {
    static final ZoneId NY = ZoneId.of("America/New_York");
    final ObjectMapper json = TimeclockJson.mapper();

    @Test
    void timesheetRoundTripsAndReadsWell() throws Exception {
        TimeclockSettings s = TimeclockSettings.defaults(NY).withRounding(Rounding.MINUTES_6);
        List<Punch> ps = List.of(in("2026-10-31T22:01", NY), out("2026-11-01T06:02", NY), in("2026-11-02T08:00", NY));
        Timesheet t = Timesheet.build(new TimesheetPerson(1, "EMP007", "Bo Chen"), ps,
                Period.of(LocalDate.parse("2026-10-31"), LocalDate.parse("2026-11-02")), s);

        String text = json.writeValueAsString(t);
        Timesheet back = json.readValue(text, Timesheet.class);
        assertEquals(t, back);

        JsonNode root = json.readTree(text);
        JsonNode shift = root.get("shifts").get(0);
        assertEquals("2026-10-31", shift.get("workday").asText());
        assertEquals("2026-10-31T22:01:00-04:00", shift.get("in").asText());
        assertEquals("2026-11-01T06:02:00-05:00", shift.get("out").asText());
        assertEquals("PT9H", shift.get("worked").asText());
        assertEquals(9.0, shift.get("hours").asDouble());
        assertTrue(text.contains("\"hours\":9.00"), "hours keep two decimals");
        assertEquals("CROSSES_MIDNIGHT", shift.get("flags").get(0).asText());
        assertEquals("MISSING_OUT", root.get("shifts").get(1).get("flags").get(0).asText());
        assertEquals("America/New_York", root.get("rules").get("zone").asText());
        assertEquals(9.0, root.get("totals").get("hours").asDouble());
        assertEquals(1, root.get("totals").get("missingPunches").asInt());
        assertTrue(root.get("days").isArray());

        TimesheetReport report = TimesheetReport.of(t.period(), List.of(t, t));
        assertEquals(report, json.readValue(json.writeValueAsString(report), TimesheetReport.class));
        assertEquals(Duration.ofHours(18), report.totals().worked());
    }

    @Test
    void settingsPunchDecisionAndCorrectionRoundTrip() throws Exception {
        TimeclockSettings s = TimeclockSettings.defaults(NY).withOvertime(null, Duration.ofHours(40));
        assertEquals(s, json.readValue(json.writeValueAsString(s), TimeclockSettings.class));

        Punch p = in("2026-03-02T08:02", NY);
        PunchDecision d = PunchDecision.decide(1, List.of(p), Instant.parse("2026-03-02T13:02:30Z"), s);
        assertEquals(PunchDecision.Outcome.ALREADY_PUNCHED, d.outcome());
        assertEquals(d, json.readValue(json.writeValueAsString(d), PunchDecision.class));

        Correction c = Correction.move(p, Instant.parse("2026-03-02T13:00:00Z"), NY, "badge reader late", "admin");
        assertEquals(c, json.readValue(json.writeValueAsString(c), Correction.class));
        Period w = Period.week(LocalDate.parse("2026-03-04"), s.weekStart());
        assertEquals(w, json.readValue(json.writeValueAsString(w), Period.class));
    }
}
