package com.clockface.ui.kiosk;

/** Helpers shared by the kiosk tests and the benchmark. */
final class KioskTestSupport {
    private KioskTestSupport() {}

    /** Chooses the analyzer of the next kiosk start: "detect" (detection only) or "default". */
    static void configureAnalyzer(String which) {
        KioskApp.analyzerOverride = switch (which) {
            case "detect" -> rt -> new DetectionAnalyzer(rt.engine());
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
