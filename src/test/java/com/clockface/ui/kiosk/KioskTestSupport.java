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

    /**
     * A constant-frame-rate copy of a recording (each output frame repeats the source frame due at its time),
     * written with JavaCV's own encoder (MPEG-4 in AVI, no ffmpeg binary). The webcam recordings in the data
     * set have a variable rate (live/00002: 214 frames in 11.7 s, 18 fps); a benchmark of a 25 fps preview needs
     * a source that delivers 30 fps. Reuses {@code out} when it exists.
     */
    static java.nio.file.Path constantRateCopy(java.nio.file.Path video, double fps, java.nio.file.Path out) throws Exception {
        if (java.nio.file.Files.isRegularFile(out)) return out;
        java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
        java.nio.file.Path part = out.resolveSibling(out.getFileName() + ".part.avi");
        try (com.clockface.camera.VideoFileSource src = new com.clockface.camera.VideoFileSource(video);
             org.bytedeco.javacv.Java2DFrameConverter conv = new org.bytedeco.javacv.Java2DFrameConverter()) {
            src.open();
            com.clockface.vision.Frame cur = src.next(), next = src.next();
            long t0 = cur.timeNanos();
            var rec = new org.bytedeco.javacv.FFmpegFrameRecorder(part.toFile(), cur.image().width(), cur.image().height());
            rec.setFormat("avi");
            rec.setVideoCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4);
            rec.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(fps);
            rec.setVideoQuality(2);
            rec.start();
            try {
                for (long k = 0; ; k++) {
                    long t = t0 + Math.round(k * 1e9 / fps);
                    while (next != null && next.timeNanos() <= t) {
                        cur = next;
                        next = src.next();
                    }
                    if (next == null && t > cur.timeNanos() + 1e9 / fps) break;
                    rec.record(conv.convert(cur.image().toBufferedImage()));
                }
            } finally {
                rec.stop();
                rec.release();
            }
        }
        java.nio.file.Files.move(part, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return out;
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
