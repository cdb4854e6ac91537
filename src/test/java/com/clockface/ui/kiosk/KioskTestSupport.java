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

    /** Waits until the kiosk loaded its models and started the camera. */
    static KioskApp waitForRunning(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            KioskApp app = KioskApp.current();
            if (app != null && app.runtime() != null && app.runtime().analysis() != null) return app;
            Thread.sleep(50);
        }
        throw new IllegalStateException("the kiosk did not start within " + seconds + " s");
    }
}
