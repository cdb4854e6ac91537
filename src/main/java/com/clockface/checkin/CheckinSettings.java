package com.clockface.checkin;

import com.clockface.gallery.SearchMode;
import com.clockface.liveness.LivenessProfile;
import com.clockface.liveness.flash.FlashMode;
import com.clockface.store.SettingsRepository;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The kiosk's check-in decision settings, stored as key/value rows in the settings table.
 *
 * @param kiosk          this kiosk's name (punches and events carry it)
 * @param profile        liveness thresholds (work-hours / high-security)
 * @param flashMode      STANDARD, GENTLE or EXPRESS
 * @param searchMode     gallery search FAST or ACCURATE
 * @param matchThreshold minimum cosine for a match
 * @param attackLimit    this many ATTACK events at this kiosk (0: never lock) ...
 * @param attackWindow   ... within this window lock the kiosk ...
 * @param lockDuration   ... for this cool-down
 * @param capsules       which sessions are saved as capsules
 * @param capsuleRetention how long capsules (and evidence) are kept
 */
public record CheckinSettings(String kiosk, LivenessProfile profile, FlashMode flashMode, SearchMode searchMode,
                              double matchThreshold, int attackLimit, Duration attackWindow, Duration lockDuration,
                              CapsulePolicy capsules, Duration capsuleRetention) {

    /** Which finished sessions are saved as capsules. */
    public enum CapsulePolicy {
        OFF, REVIEW_AND_FAIL, ALL;

        public boolean saves(Decision d, com.clockface.liveness.Outcome liveness) {
            return switch (this) {
                case OFF -> false;
                case ALL -> true;
                case REVIEW_AND_FAIL -> d == Decision.REVIEW || d == Decision.ATTACK
                        || liveness == com.clockface.liveness.Outcome.REVIEW || liveness == com.clockface.liveness.Outcome.FAIL;
            };
        }
    }

    // the same keys (and defaults) as admin.KioskSettings, which lists and validates them for the admin screens
    public static final String KEY_KIOSK = "kiosk.name";
    public static final String KEY_PROFILE = "liveness.profile";
    public static final String KEY_CUSTOM_PASS = "liveness.custom_pass";
    public static final String KEY_CUSTOM_REVIEW = "liveness.custom_review";
    public static final String KEY_FLASH = "flash.mode";
    public static final String KEY_SEARCH = "match.search_mode";
    public static final String KEY_MATCH = "match.threshold";
    /** 0 = never lock. */
    public static final String KEY_ATTACK_LIMIT = "attack.lockout_after";
    public static final String KEY_ATTACK_WINDOW = "attack.window_minutes";
    public static final String KEY_LOCK = "attack.lockout_minutes";
    /** OFF (default), REVIEW_AND_FAIL or ALL. */
    public static final String KEY_CAPSULES = "capsule.save";
    public static final String KEY_CAPSULE_DAYS = "retention.capsule_days";

    public static CheckinSettings defaults() {
        return new CheckinSettings("kiosk", LivenessProfile.WORK_HOURS, FlashMode.STANDARD, SearchMode.FAST,
                FaceEngine.DEFAULT_MATCH_THRESHOLD, 3, Duration.ofMinutes(10), Duration.ofMinutes(5),
                CapsulePolicy.OFF, Duration.ofDays(7));
    }

    /** Settings from the table; missing keys take the defaults, a bad value is a clear error. */
    public static CheckinSettings load(SettingsRepository repo) {
        return fromProperties(k -> repo.get(k).orElse(null));
    }

    /** Settings from key/value pairs (the table, or those stored in a capsule). */
    public static CheckinSettings fromProperties(java.util.function.Function<String, String> lookup) {
        CheckinSettings d = defaults();
        String key = null;
        try {
            key = KEY_KIOSK;
            String kiosk = or(lookup, key, d.kiosk());
            key = KEY_PROFILE;
            String profileName = or(lookup, key, d.profile().name()).trim();
            LivenessProfile profile;
            if (profileName.equalsIgnoreCase("custom")) {
                key = KEY_CUSTOM_PASS;
                double pass = Double.parseDouble(or(lookup, key, "0.75").trim());
                key = KEY_CUSTOM_REVIEW;
                double review = Double.parseDouble(or(lookup, key, "0.5").trim());
                profile = new LivenessProfile("custom", pass, review);
            } else {
                profile = LivenessProfile.named(profileName);
            }
            key = KEY_FLASH;
            FlashMode flash = FlashMode.valueOf(or(lookup, key, d.flashMode().name()).trim().toUpperCase(Locale.ROOT));
            key = KEY_SEARCH;
            SearchMode search = SearchMode.valueOf(or(lookup, key, d.searchMode().name()).trim().toUpperCase(Locale.ROOT));
            key = KEY_MATCH;
            double match = Double.parseDouble(or(lookup, key, Double.toString(d.matchThreshold())).trim());
            key = KEY_ATTACK_LIMIT;
            int limit = Integer.parseInt(or(lookup, key, Integer.toString(d.attackLimit())).trim());
            key = KEY_ATTACK_WINDOW;
            Duration window = Duration.ofMinutes(Long.parseLong(or(lookup, key, Long.toString(d.attackWindow().toMinutes())).trim()));
            key = KEY_LOCK;
            Duration lock = Duration.ofMinutes(Long.parseLong(or(lookup, key, Long.toString(d.lockDuration().toMinutes())).trim()));
            key = KEY_CAPSULES;
            CapsulePolicy caps = CapsulePolicy.valueOf(or(lookup, key, d.capsules().name()).trim().toUpperCase(Locale.ROOT));
            key = KEY_CAPSULE_DAYS;
            Duration keep = Duration.ofDays(Long.parseLong(or(lookup, key, Long.toString(d.capsuleRetention().toDays())).trim()));
            return new CheckinSettings(kiosk, profile, flash, search, match, limit, window, lock, caps, keep);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The setting " + key + " has a bad value '" + lookup.apply(key) + "': " + e.getMessage(), e);
        }
    }

    private static String or(java.util.function.Function<String, String> lookup, String key, String def) {
        String v = lookup.apply(key);
        return v == null ? def : v;
    }

    public Map<String, String> toProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KEY_KIOSK, kiosk);
        m.put(KEY_PROFILE, profile.name());
        if (profile.name().equals("custom")) {
            m.put(KEY_CUSTOM_PASS, Double.toString(profile.pass()));
            m.put(KEY_CUSTOM_REVIEW, Double.toString(profile.review()));
        }
        m.put(KEY_FLASH, flashMode.name());
        m.put(KEY_SEARCH, searchMode.name());
        m.put(KEY_MATCH, Double.toString(matchThreshold));
        m.put(KEY_ATTACK_LIMIT, Integer.toString(attackLimit));
        m.put(KEY_ATTACK_WINDOW, Long.toString(attackWindow.toMinutes()));
        m.put(KEY_LOCK, Long.toString(lockDuration.toMinutes()));
        m.put(KEY_CAPSULES, capsules.name());
        m.put(KEY_CAPSULE_DAYS, Long.toString(capsuleRetention.toDays()));
        return m;
    }

    public CheckinSettings withFlashMode(FlashMode m) {
        return new CheckinSettings(kiosk, profile, m, searchMode, matchThreshold, attackLimit, attackWindow, lockDuration, capsules, capsuleRetention);
    }

    public CheckinSettings withCapsules(CapsulePolicy p) {
        return new CheckinSettings(kiosk, profile, flashMode, searchMode, matchThreshold, attackLimit, attackWindow, lockDuration, p, capsuleRetention);
    }

    public CheckinSettings withProfile(LivenessProfile p) {
        return new CheckinSettings(kiosk, p, flashMode, searchMode, matchThreshold, attackLimit, attackWindow, lockDuration, capsules, capsuleRetention);
    }
}
