package com.clockface.admin;

import com.clockface.gallery.SearchMode;
import com.clockface.liveness.LivenessProfile;
import com.clockface.liveness.flash.FlashMode;
import com.clockface.store.AdminRepository;
import com.clockface.store.Database;
import com.clockface.store.PersonRepository;
import com.clockface.store.SettingsRepository;
import com.clockface.timeclock.TimeclockSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every kiosk setting in one place: its key, default, meaning and validation, over the settings table.
 * The kiosk, the check-in session, the admin screens and {@code clockface settings} all read values
 * through this class, so they agree. A stored value that is malformed is an error naming the key
 * (never silently the default); {@link #set} refuses a bad value with a sentence saying what is allowed.
 */
public final class KioskSettings {

    /** One setting: its key, default text, a one-line meaning, and its validator (returns the normalised text). */
    public record Key(String name, String defaultValue, String description, String group,
                      Function<String, String> normaliser, List<String> choices) {
        /** Validates and normalises {@code value}; throws IllegalArgumentException with the allowed values. */
        public String normalise(String value) {
            if (value == null) throw new IllegalArgumentException("The setting " + name + " needs a value.");
            try {
                return normaliser.apply(value.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The setting " + name + " cannot be '" + value + "': " + e.getMessage(), e);
            }
        }
    }

    private static final List<Key> KEYS = new ArrayList<>();
    private static final Map<String, Key> BY_NAME = new LinkedHashMap<>();

    // ---- recognition and liveness
    public static final Key LIVENESS_PROFILE = choice("liveness.profile", "work-hours", "Recognition",
            "Liveness thresholds: work-hours (pass 0.75, review 0.5), high-security (pass 0.9, review 0.75) or custom",
            "work-hours", "high-security", "custom");
    public static final Key LIVENESS_CUSTOM_PASS = number("liveness.custom_pass", "0.75", "Recognition",
            "Custom profile: liveness score that passes (0-1)", 0, 1);
    public static final Key LIVENESS_CUSTOM_REVIEW = number("liveness.custom_review", "0.5", "Recognition",
            "Custom profile: liveness score from which a check-in goes to review (0-1, at most the pass score)", 0, 1);
    public static final Key FLASH_MODE = choice("flash.mode", "STANDARD", "Recognition",
            "Colour flash: STANDARD, GENTLE (softer, for photosensitive people) or EXPRESS (no flash)",
            "STANDARD", "GENTLE", "EXPRESS");
    public static final Key SEARCH_MODE = choice("match.search_mode", "FAST", "Recognition",
            "Face search: FAST (best template) or ACCURATE (all templates and the mirrored face)", "FAST", "ACCURATE");
    public static final Key MATCH_THRESHOLD = number("match.threshold", "0.5", "Recognition",
            "Lowest cosine similarity that counts as the same person (0-1)", 0, 1);

    // ---- lockouts
    public static final Key ATTACK_LOCKOUT_AFTER = integer("attack.lockout_after", "3", "Security",
            "Lock the kiosk after this many suspected attacks within the window (0 = never)", 0, 100);
    public static final Key ATTACK_WINDOW_MINUTES = integer("attack.window_minutes", "10", "Security",
            "Window in minutes in which suspected attacks are counted", 1, 1440);
    public static final Key ATTACK_LOCKOUT_MINUTES = integer("attack.lockout_minutes", "5", "Security",
            "How long the kiosk stays locked after too many attacks, in minutes", 1, 1440);
    public static final Key PIN_LOCKOUT_AFTER = integer("pin.lockout_after", "5", "Security",
            "Wrong worker PINs in a row before that employee number is locked", 1, 100);
    public static final Key PIN_LOCKOUT_MINUTES = integer("pin.lockout_minutes", "5", "Security",
            "How long a worker's PIN stays locked, in minutes", 1, 1440);
    public static final Key ADMIN_LOCKOUT_AFTER = integer(AdminRepository.SETTING_MAX_TRIES, "5", "Security",
            "Wrong admin PINs or passwords in a row before the admin account is locked", 1, 100);
    public static final Key ADMIN_LOCKOUT_MINUTES = integer(AdminRepository.SETTING_LOCK_MINUTES, "15", "Security",
            "How long a locked admin account waits, in minutes", 1, 1440);

    // ---- retention
    public static final Key EVIDENCE_RETENTION_DAYS = integer("retention.evidence_days", "30", "Privacy",
            "Days an evidence frame is kept (events waiting for review are kept until reviewed)", 1, 3650);
    public static final Key CAPSULE_SAVE = choice(com.clockface.checkin.CheckinSettings.KEY_CAPSULES, "OFF", "Privacy",
            "Save replayable recordings (encrypted) of check-ins: OFF, REVIEW_AND_FAIL (doubtful and refused ones, for the "
                    + "review queue) or ALL", "OFF", "REVIEW_AND_FAIL", "ALL");
    public static final Key CAPSULE_RETENTION_DAYS = integer("retention.capsule_days", "7", "Privacy",
            "Days a session capsule (replayable recording) is kept", 1, 3650);
    public static final Key ERASE_KEEP_EMPLOYEE_NO = bool(PersonRepository.SETTING_ERASE_KEEP_EMPLOYEE_NO, "true", "Privacy",
            "Keep the employee number of an erased person so payroll can still attribute their punches");
    public static final Key CONSENT_TEXT = text("consent.text",
            "I agree that ClockFace stores a mathematical template of my face, and a photo of each check-in for "
                    + "review, to record my working time. I can ask for them to be erased at any time.",
            "Privacy", "Consent text shown and recorded at enrolment", false, 2000);

    // ---- kiosk
    public static final Key KIOSK_NAME = text("kiosk.name", "kiosk", "Kiosk",
            "This kiosk's name (recorded with every punch)", false, 60);
    public static final Key KIOSK_SITE = text("kiosk.site", "", "Kiosk",
            "Site name shown on the idle screen", true, 80);
    public static final Key CAMERA_NAME = text("camera.name", "", "Kiosk",
            "Camera to use, by name (empty = the first camera found); a running kiosk switches to it when the admin "
                    + "screens close", true, 200);

    // ---- time clock (the keys and parsing of timeclock.TimeclockSettings)
    public static final Key TIMEZONE = timeclock(TimeclockSettings.KEY_ZONE, "Time clock",
            "The kiosk's time zone (e.g. Europe/Berlin); times are entered and shown in it");
    public static final Key WORKDAY_START = timeclock(TimeclockSettings.KEY_WORKDAY_START, "Time clock",
            "Workday boundary: a shift started before it belongs to the previous workday (HH:MM)");
    public static final Key DEBOUNCE_SECONDS = timeclock(TimeclockSettings.KEY_DEBOUNCE_SECONDS, "Time clock",
            "A second check-in within this many seconds is 'already punched'");
    public static final Key ROUNDING_MINUTES = timeclock(TimeclockSettings.KEY_ROUNDING_MINUTES, "Time clock",
            "Neutral rounding of in/out times: 0 (none), 5, 6 or 15 minutes");
    public static final Key DAILY_OVERTIME_HOURS = timeclock(TimeclockSettings.KEY_DAILY_OVERTIME_HOURS, "Time clock",
            "Hours per workday after which time is overtime (or none)");
    public static final Key WEEKLY_OVERTIME_HOURS = timeclock(TimeclockSettings.KEY_WEEKLY_OVERTIME_HOURS, "Time clock",
            "Hours per week after which time is overtime (or none)");
    public static final Key WEEK_START = timeclock(TimeclockSettings.KEY_WEEK_START, "Time clock",
            "First day of the overtime week (MONDAY ... SUNDAY)");
    public static final Key OVERLONG_SHIFT_HOURS = timeclock(TimeclockSettings.KEY_OVERLONG_SHIFT_HOURS, "Time clock",
            "A shift longer than this many hours is flagged");

    public static final Key CSV_STYLE = choice("export.csv_style", "comma", "Time clock",
            "CSV export for spreadsheets: comma (decimal point; English-language spreadsheets, LibreOffice) or semicolon "
                    + "(decimal comma; Excel in German, French and most of Europe)", "comma", "semicolon");

    private final Database db;
    private final SettingsRepository repo;

    public KioskSettings(Database db) {
        this.db = db;
        this.repo = new SettingsRepository(db);
    }

    /** Every known setting, in display order. */
    public static List<Key> keys() { return Collections.unmodifiableList(KEYS); }

    public static Optional<Key> key(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    static Key require(String name) {
        return key(name).orElseThrow(() -> new IllegalArgumentException("There is no setting called '" + name
                + "'. Known settings: " + String.join(", ", BY_NAME.keySet()) + "."));
    }

    /** The effective value (stored, else default) of a known setting. */
    public String get(String name) {
        Key k = require(name);
        return repo.get(k.name()).orElse(k.defaultValue());
    }

    /** Whether the value is stored (false: the default applies). */
    public boolean isSet(String name) {
        return repo.get(require(name).name()).isPresent();
    }

    /** Every known setting with its effective value, in display order. */
    public Map<String, String> all() {
        Map<String, String> stored = repo.all();
        Map<String, String> out = new LinkedHashMap<>();
        for (Key k : KEYS) out.put(k.name(), stored.getOrDefault(k.name(), k.defaultValue()));
        return out;
    }

    /**
     * Validates and stores a value, audited as {@code settings.set} by {@code actor}. Returns the stored
     * (normalised) text.
     *
     * @throws IllegalArgumentException unknown key or a value that is not allowed (nothing is stored)
     */
    public String set(String name, String value, String actor) {
        Key k = require(name);
        String v = k.normalise(value);
        checkTogether(k, v);
        repo.set(k.name(), v, actor);
        return v;
    }

    /** Removes the stored value so the default applies again (audited). */
    public void reset(String name, String actor) {
        Key k = require(name);
        checkTogether(k, k.defaultValue());
        repo.set(k.name(), null, actor);
    }

    /** Checks that settings which depend on each other still fit with {@code value} for {@code k}. */
    private void checkTogether(Key k, String value) {
        if (k == LIVENESS_CUSTOM_PASS || k == LIVENESS_CUSTOM_REVIEW) {
            double pass = Double.parseDouble(k == LIVENESS_CUSTOM_PASS ? value : get(LIVENESS_CUSTOM_PASS.name()));
            double review = Double.parseDouble(k == LIVENESS_CUSTOM_REVIEW ? value : get(LIVENESS_CUSTOM_REVIEW.name()));
            if (review > pass) {
                throw new IllegalArgumentException("The custom review score (" + review + ") must not be above the custom "
                        + "pass score (" + pass + "). Change " + (k == LIVENESS_CUSTOM_PASS ? LIVENESS_CUSTOM_REVIEW.name()
                        : LIVENESS_CUSTOM_PASS.name()) + " first.");
            }
        }
    }

    // ---- typed views (read on every call, so a change made in the admin screens applies at once)

    public LivenessProfile livenessProfile() {
        String p = get(LIVENESS_PROFILE.name());
        if (p.equals("custom")) {
            return new LivenessProfile("custom", dbl(LIVENESS_CUSTOM_PASS), dbl(LIVENESS_CUSTOM_REVIEW));
        }
        return LivenessProfile.named(p);
    }

    public FlashMode flashMode() { return FlashMode.valueOf(stored(FLASH_MODE)); }

    public SearchMode searchMode() { return SearchMode.valueOf(stored(SEARCH_MODE)); }

    public double matchThreshold() { return dbl(MATCH_THRESHOLD); }

    public int attackLockoutAfter() { return integer(ATTACK_LOCKOUT_AFTER); }

    public Duration attackWindow() { return Duration.ofMinutes(integer(ATTACK_WINDOW_MINUTES)); }

    public Duration attackLockout() { return Duration.ofMinutes(integer(ATTACK_LOCKOUT_MINUTES)); }

    public int pinLockoutAfter() { return integer(PIN_LOCKOUT_AFTER); }

    public Duration pinLockout() { return Duration.ofMinutes(integer(PIN_LOCKOUT_MINUTES)); }

    public int adminLockoutAfter() { return integer(ADMIN_LOCKOUT_AFTER); }

    public Duration adminLockout() { return Duration.ofMinutes(integer(ADMIN_LOCKOUT_MINUTES)); }

    public int evidenceRetentionDays() { return integer(EVIDENCE_RETENTION_DAYS); }

    public int capsuleRetentionDays() { return integer(CAPSULE_RETENTION_DAYS); }

    public String kioskName() { return get(KIOSK_NAME.name()); }

    public String site() { return get(KIOSK_SITE.name()); }

    /** The camera name, or empty for the first camera found. */
    public String cameraName() { return get(CAMERA_NAME.name()); }

    public String consentText() { return get(CONSENT_TEXT.name()); }

    /** The separator and decimal mark of CSV exports. */
    public com.clockface.timeclock.TimesheetCsv.Style csvStyle() {
        return stored(CSV_STYLE).equals("semicolon") ? com.clockface.timeclock.TimesheetCsv.Style.SEMICOLON
                : com.clockface.timeclock.TimesheetCsv.Style.COMMA;
    }

    /** The time-clock rules (zone, workday boundary, rounding, overtime...). */
    public TimeclockSettings timeclock() {
        Map<String, String> stored = repo.all();
        return TimeclockSettings.fromProperties(stored::get, TimeclockSettings.defaults(ZoneId.systemDefault()));
    }

    /** The kiosk's zone: times typed by an admin are read in it. */
    public ZoneId zone() { return timeclock().zone(); }

    public Database database() { return db; }

    // ---- stored value access with validation of what is in the table

    private String stored(Key k) {
        String v = get(k.name());
        try {
            return k.normaliser().apply(v.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The stored setting " + k.name() + " is '" + v + "', which is not valid ("
                    + e.getMessage() + "). Fix it with: clockface settings set " + k.name() + " VALUE", e);
        }
    }

    private double dbl(Key k) { return Double.parseDouble(stored(k)); }

    private int integer(Key k) { return Integer.parseInt(stored(k)); }

    // ---- key builders

    private static Key add(Key k) {
        KEYS.add(k);
        BY_NAME.put(k.name(), k);
        return k;
    }

    private static Key choice(String name, String def, String group, String description, String... allowed) {
        List<String> list = List.of(allowed);
        return add(new Key(name, def, description, group, v -> {
            for (String a : list) if (a.equalsIgnoreCase(v)) return a;
            throw new IllegalArgumentException("allowed values are " + String.join(", ", list));
        }, list));
    }

    private static Key number(String name, String def, String group, String description, double min, double max) {
        return add(new Key(name, def, description, group, v -> {
            BigDecimal d;
            try {
                d = new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("it must be a number from " + fmt(min) + " to " + fmt(max));
            }
            if (d.doubleValue() < min || d.doubleValue() > max) {
                throw new IllegalArgumentException("it must be a number from " + fmt(min) + " to " + fmt(max));
            }
            return d.stripTrailingZeros().toPlainString();
        }, List.of()));
    }

    private static Key integer(String name, String def, String group, String description, int min, int max) {
        return add(new Key(name, def, description, group, v -> {
            int i;
            try {
                i = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("it must be a whole number from " + min + " to " + max);
            }
            if (i < min || i > max) throw new IllegalArgumentException("it must be a whole number from " + min + " to " + max);
            return Integer.toString(i);
        }, List.of()));
    }

    private static Key bool(String name, String def, String group, String description) {
        return add(new Key(name, def, description, group, v -> {
            String s = v.toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("yes") || s.equals("1")) return "true";
            if (s.equals("false") || s.equals("no") || s.equals("0")) return "false";
            throw new IllegalArgumentException("it must be true or false");
        }, List.of("true", "false")));
    }

    private static Key text(String name, String def, String group, String description, boolean blankAllowed, int maxLength) {
        return add(new Key(name, def, description, group, v -> {
            if (!blankAllowed && v.isBlank()) throw new IllegalArgumentException("it must not be empty");
            if (v.length() > maxLength) throw new IllegalArgumentException("it must be at most " + maxLength + " characters");
            if (v.chars().anyMatch(ch -> ch < 0x20 && ch != '\n')) throw new IllegalArgumentException("it must not contain control characters");
            return v;
        }, List.of()));
    }

    /** A time-clock key: default and parsing come from TimeclockSettings, so the rules live in one place. */
    private static Key timeclock(String name, String group, String description) {
        String def = TimeclockSettings.defaults(ZoneId.systemDefault()).toProperties().get(name);
        List<String> choices = name.equals(TimeclockSettings.KEY_ROUNDING_MINUTES) ? List.of("0", "5", "6", "15")
                : name.equals(TimeclockSettings.KEY_WEEK_START)
                ? List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY") : List.of();
        return add(new Key(name, def, description, group, v -> {
            TimeclockSettings parsed;
            try {
                parsed = TimeclockSettings.fromProperties(k -> k.equals(name) ? v : null,
                        TimeclockSettings.defaults(ZoneId.systemDefault()));
            } catch (IllegalArgumentException e) {
                // fromProperties says "The setting X is 'v'; expected ..."; keep only what is expected.
                String m = e.getMessage();
                int i = m.indexOf("expected ");
                throw new IllegalArgumentException(i >= 0 ? "expected " + m.substring(i + 9).replaceAll("\\.$", "") : m);
            }
            return parsed.toProperties().get(name);
        }, choices));
    }

    private static String fmt(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
