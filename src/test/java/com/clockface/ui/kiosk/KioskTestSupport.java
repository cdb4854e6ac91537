package com.clockface.ui.kiosk;

/** Helpers shared by the kiosk tests and the benchmark. */
final class KioskTestSupport {
    private KioskTestSupport() {}

    /** Chooses the analyzer of the next kiosk start: "detect" (detection only) or "default". */
    static void configureAnalyzer(String which) {
        KioskApp.analyzerOverride = switch (which) {
            case "detect" -> rt -> new DetectionAnalyzer(rt.engine());
            case "session-express" -> rt -> KioskApp.sessionAnalyzer(rt, com.clockface.liveness.flash.FlashMode.EXPRESS);
            case "none" -> rt -> new FrameAnalyzer() { // preview only: the oval, no inference
                public ScreenModel onFrame(com.clockface.vision.Frame f) {
                    int w = f.image().width(), h = f.image().height();
                    return new ScreenModel(ScreenModel.Phase.ALIGNING, "Put your face in the oval.", ScreenModel.Cue.ADJUST,
                            new ScreenModel.OvalBox(w / 2.0, h * 0.48, h * 0.2325, h * 0.31), w, null, 0.2, null);
                }
                public ScreenModel tick(long now) { return null; }
                public void colourShown(int step, long t) { }
                public void reset() { }
            };
            default -> null;
        };
    }

    static final String ADMIN_PIN = "135790";
    static final String WORKER_NO = "1001";
    static final String WORKER_PIN = "2468";

    /**
     * Prepares a kiosk home as an admin would have: the admin PIN set (so the first-run screen does not
     * show) and one worker with a PIN. Low PBKDF2 cost to keep tests fast. Returns the worker's person id.
     */
    static long prepareHome(java.nio.file.Path home) {
        try (com.clockface.store.Database db = com.clockface.store.Database.open(com.clockface.store.AppHome.at(home))) {
            new com.clockface.store.AdminRepository(db, 1000).create("admin", ADMIN_PIN.toCharArray(), "test");
            var p = com.clockface.store.Person.newPerson(WORKER_NO, "Ana Lopez", null)
                    .withPinHash(com.clockface.store.SecretHash.hash(WORKER_PIN.toCharArray(), 1000));
            return new com.clockface.store.PersonRepository(db).create(p, "test").id();
        }
    }

    /**
     * Enrols a person from a frame of a video (the same person the video then shows to the kiosk), as an admin
     * would from a photo: FaceEngine.prepareTemplate + saveTemplate into the home's database.
     */
    static long enrolFromVideo(java.nio.file.Path home, java.nio.file.Path video, String employeeNo, String name) throws Exception {
        try (com.clockface.store.Database db = com.clockface.store.Database.open(com.clockface.store.AppHome.at(home));
             com.clockface.checkin.FaceEngine engine = com.clockface.checkin.FaceEngine.load(
                     com.clockface.vision.ModelResolver.fromEnvironment(), db, null);
             com.clockface.camera.VideoFileSource src = new com.clockface.camera.VideoFileSource(video)) {
            var person = new com.clockface.store.PersonRepository(db).create(
                    com.clockface.store.Person.newPerson(employeeNo, name, null), "test");
            src.open();
            com.clockface.checkin.EnrolmentException last = null;
            for (int i = 0; i < 120; i++) {
                com.clockface.vision.Frame f = src.next();
                if (f == null) break;
                if (i % 10 != 5) continue;
                try {
                    var t = engine.prepareTemplate(f.image(), com.clockface.vision.FaceQuality.Rules.LIVE_CAPTURE, person.id());
                    engine.saveTemplate(person.id(), t, com.clockface.store.TemplateSource.LIVE, "test");
                    return person.id();
                } catch (com.clockface.checkin.EnrolmentException e) {
                    last = e;
                }
            }
            throw new IllegalStateException("no frame of " + video + " was good enough to enrol", last);
        }
    }

    /** An image folder camera that shows an empty room (no face), so the kiosk stays on its idle screen. */
    static java.nio.file.Path emptyRoomCamera(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        var img = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        var g = img.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(90, 96, 110), 640, 480, new java.awt.Color(180, 170, 150)));
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        javax.imageio.ImageIO.write(img, "jpg", dir.resolve("00001.jpg").toFile());
        return dir;
    }

    /** Waits until the kiosk loaded its models and started the camera. */
    static KioskApp waitForRunning(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            KioskApp app = KioskApp.current();
            if (app != null && app.ready()) {
                org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
                return app;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the kiosk did not start within " + seconds + " s");
    }
}
