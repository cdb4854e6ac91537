package com.clockface.ui.kiosk;

import com.clockface.camera.Cameras;
import com.clockface.camera.CaptureThread;
import com.clockface.camera.LatestFrameSlot;
import com.clockface.camera.ReconnectingSource;
import com.clockface.checkin.FaceEngine;
import com.clockface.store.AppHome;
import com.clockface.store.Database;
import com.clockface.store.SettingsRepository;
import com.clockface.vision.ModelException;
import com.clockface.vision.ModelResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything the kiosk runs on, without JavaFX: the data home and database, the face engine, the camera
 * (capture thread into the newest-frame slot) and the ONE analysis thread. Built off the FX thread.
 */
public final class KioskRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KioskRuntime.class);

    /** Settings keys the kiosk reads (the admin screens write them). */
    public static final String KEY_SITE = com.clockface.admin.KioskSettings.KIOSK_SITE.name();
    public static final String KEY_KIOSK_NAME = com.clockface.admin.KioskSettings.KIOSK_NAME.name();
    public static final String KEY_CAMERA = com.clockface.admin.KioskSettings.CAMERA_NAME.name();
    public static final String KEY_FLASH_MODE = com.clockface.admin.KioskSettings.FLASH_MODE.name();

    private final KioskOptions options;
    private final AppHome home;
    private final Database db;
    private final FaceEngine engine;
    private final SettingsRepository settings;
    private final LatestFrameSlot slot = new LatestFrameSlot();
    // every captured frame's time: the analysis takes only some frames, the liveness checks need the camera's rate
    private final com.clockface.camera.FrameTimes frameTimes = new com.clockface.camera.FrameTimes(1800);
    private ReconnectingSource camera;
    private volatile String activeCamera; // the spec the camera source opens (read on every (re)connection)
    private CaptureThread capture;
    private AnalysisLoop analysis;
    private ScheduledExecutorService stats;

    private KioskRuntime(KioskOptions options, AppHome home, Database db, FaceEngine engine) {
        this.options = options;
        this.home = home;
        this.db = db;
        this.engine = engine;
        this.settings = new SettingsRepository(db);
    }

    /**
     * Opens the database and loads the models. Blocking (seconds): call it off the FX thread.
     *
     * @param progress told what is being done, as a short sentence
     * @throws com.clockface.store.StoreException locked/full/corrupt database, with a sentence for the screen
     * @throws ModelException a model is missing or altered, with a sentence for the screen
     */
    public static KioskRuntime load(KioskOptions options, Consumer<String> progress) throws ModelException {
        progress.accept("Opening the database…");
        AppHome home = AppHome.resolve(options.home());
        Database db = Database.open(home);
        try {
            progress.accept("Loading the face models…");
            long t0 = System.nanoTime();
            FaceEngine engine = FaceEngine.load(ModelResolver.fromEnvironment(), db, null);
            log.info("face engine loaded in {} ms, {} templates in the gallery, data in {}",
                    (System.nanoTime() - t0) / 1_000_000, engine.gallery().size(), home.dir());
            return new KioskRuntime(options, home, db, engine);
        } catch (ModelException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The camera spec: {@code --camera}, else the camera chosen in the settings, else the default camera. */
    public String cameraSpec() {
        if (options.camera() != null) return options.camera();
        String s = settings.getString(KEY_CAMERA, "");
        return s.isBlank() ? "default" : s;
    }

    /**
     * Starts capture and analysis.
     *
     * @param analyzerFactory builds the analyzer once the camera source exists
     * @param status          camera status changes, on the capture thread
     */
    public void start(Function<KioskRuntime, FrameAnalyzer> analyzerFactory, ReconnectingSource.StatusListener status,
                      FpsMeter previewMeter) {
        activeCamera = cameraSpec();
        camera = new ReconnectingSource(() -> Cameras.create(activeCamera));
        camera.addListener(status);
        capture = new CaptureThread(camera, slot).onEveryFrame(f -> frameTimes.add(f.timeNanos())).start();
        analysis = new AnalysisLoop(slot, analyzerFactory.apply(this)).start();
        stats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kiosk-stats");
            t.setDaemon(true);
            return t;
        });
        stats.scheduleAtFixedRate(() -> log.info("kiosk fps: preview {} analysis {} camera {}; frames captured {} dropped {}",
                        fmt(previewMeter.sample()), fmt(analysis.meter().sample()), fmt(capture.fps()),
                        slot.received(), slot.dropped()),
                5, 5, TimeUnit.SECONDS);
        // enrolments, activations and erasures made by another process (clockface admin, the CLI) reach the gallery
        stats.scheduleWithFixedDelay(this::syncGallery, GALLERY_SYNC_SECONDS, GALLERY_SYNC_SECONDS, TimeUnit.SECONDS);
        // retention: evidence frames and capsules past their days go, once shortly after start and then daily
        stats.scheduleWithFixedDelay(this::purge, 60, TimeUnit.DAYS.toSeconds(1), TimeUnit.SECONDS);
    }

    /** The daily retention purge (admin.RetentionPurge), audited as the kiosk. */
    void purge() {
        try {
            var r = new com.clockface.admin.RetentionPurge(home, db).run("kiosk:" + settings.getString(KEY_KIOSK_NAME, "kiosk"));
            log.info("retention purge: {} evidence frames and {} capsules removed", r.evidenceDeleted(), r.capsuleFilesDeleted());
        } catch (RuntimeException e) {
            log.warn("retention purge failed (retried tomorrow): {}", e.getMessage());
        }
    }

    static final int GALLERY_SYNC_SECONDS = 30;

    private void syncGallery() {
        try {
            FaceEngine.GallerySync s = engine.syncGallery();
            if (s.added() + s.removed() > 0) log.info("gallery synced with the database: {} templates added, {} removed", s.added(), s.removed());
        } catch (RuntimeException e) {
            log.warn("gallery sync failed (retried in {} s): {}", GALLERY_SYNC_SECONDS, e.getMessage());
        }
    }

    /** The camera spec in use now. */
    public String activeCamera() { return activeCamera; }

    /**
     * Switches to the camera chosen in the settings if it changed (an admin picked another one). FX or any thread.
     *
     * @return true when the kiosk now opens another camera; false when nothing changed, or {@code --camera} decides
     */
    public boolean applyCameraSetting() {
        String wanted = cameraSpec();
        if (wanted.equals(activeCamera)) return false;
        log.info("camera changed in the settings: {} -> {}", activeCamera, wanted);
        activeCamera = wanted;
        camera.reconnect();
        return true;
    }

    /** The time-clock rules from the settings (zone, workday start, debounce...). */
    public com.clockface.timeclock.TimeclockSettings timeclockSettings() {
        return com.clockface.timeclock.TimeclockSettings.fromProperties(k -> settings.get(k).orElse(null),
                com.clockface.timeclock.TimeclockSettings.defaults(java.time.ZoneId.systemDefault()));
    }

    /** The flash mode chosen in the settings: STANDARD, GENTLE or EXPRESS (no flash). */
    public com.clockface.liveness.flash.FlashMode flashMode() {
        String m = settings.getString(KEY_FLASH_MODE, "STANDARD").strip().toUpperCase(java.util.Locale.ROOT);
        try {
            return com.clockface.liveness.flash.FlashMode.valueOf(m);
        } catch (IllegalArgumentException e) {
            log.warn("unknown flash mode '{}' in the settings; using STANDARD", m);
            return com.clockface.liveness.flash.FlashMode.STANDARD;
        }
    }

    /** "Hours today: 7.5" for a person, from their counting punches of today's workday; null on a problem. */
    public String hoursToday(long personId) {
        try {
            var ts = timeclockSettings();
            java.time.LocalDate day = com.clockface.timeclock.Workdays.workdayOf(java.time.Instant.now(), ts);
            var period = com.clockface.timeclock.Period.of(day, day);
            var punches = new com.clockface.store.PunchRepository(db).listByPerson(personId, period.fetchFrom(ts), period.fetchTo(ts));
            var sheet = com.clockface.timeclock.Timesheet.build(new com.clockface.timeclock.TimesheetPerson(personId, "", ""),
                    punches, period, ts);
            if (sheet.days().isEmpty() || sheet.days().get(0).worked().isZero()) return null; // nothing worked yet today
            return "Hours today: " + sheet.days().get(0).hours().toPlainString() + " h";
        } catch (RuntimeException e) {
            log.warn("hours today could not be computed: {}", e.getMessage());
            return null;
        }
    }

    private static String fmt(double d) { return String.format(java.util.Locale.ROOT, "%.1f", d); }

    public KioskOptions options() { return options; }
    public AppHome home() { return home; }
    public Database db() { return db; }
    public FaceEngine engine() { return engine; }
    public SettingsRepository settings() { return settings; }
    public LatestFrameSlot slot() { return slot; }
    public com.clockface.camera.FrameTimes frameTimes() { return frameTimes; }
    public ReconnectingSource camera() { return camera; }
    public CaptureThread capture() { return capture; }
    public AnalysisLoop analysis() { return analysis; }

    public boolean testSource() {
        String spec = activeCamera != null ? activeCamera : cameraSpec();
        return spec.strip().toLowerCase(java.util.Locale.ROOT).startsWith("file:");
    }

    @Override
    public void close() {
        if (stats != null) stats.shutdownNow();
        if (capture != null) capture.close();
        if (analysis != null) analysis.close();
        engine.close();
        db.close();
    }
}
