package com.clockface.camera;

import com.clockface.liveness.injection.InjectionAnalyzer;
import com.clockface.liveness.injection.InjectionReport;
import com.clockface.liveness.injection.InjectionSignal;
import com.clockface.vision.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

class CaptureThreadTest {

    static final Path DATA = Path.of(System.getProperty("clockface.data"));

    @Test
    void hookSeesEveryFrameWhileASlowConsumerGetsOnlyTheLatest() throws Exception {
        VideoFileSource src = new VideoFileSource(DATA.resolve("videos/live/00002.webm"));
        LatestFrameSlot slot = new LatestFrameSlot();
        InjectionAnalyzer all = new InjectionAnalyzer(src.info());
        InjectionAnalyzer consumerOnly = new InjectionAnalyzer(src.info());
        try (CaptureThread cap = new CaptureThread(src, slot).onEveryFrame(all::accept).start()) {
            Frame f;
            while ((f = slot.take(10, TimeUnit.SECONDS)) != null) {
                consumerOnly.accept(f);
                Thread.sleep(20); // face analysis is slower than decoding
            }
            assertTrue(cap.join(10_000));
            assertNull(cap.error());
            assertEquals(214, cap.frames());
        }
        InjectionReport r = all.report();
        assertEquals(214, r.frames());
        assertFalse(r.fired(InjectionSignal.LOW_FPS) || r.fired(InjectionSignal.TIMING_IRREGULAR) || r.fired(InjectionSignal.FROZEN_FRAMES));
        assertTrue(consumerOnly.frameCount() < 214, "the slow consumer skipped frames: " + consumerOnly.frameCount());
    }

    @Test
    void aBrokenFileEndsCaptureWithTheError(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.webm");
        Files.write(bad, new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0});
        LatestFrameSlot slot = new LatestFrameSlot();
        AtomicReference<CameraException> told = new AtomicReference<>();
        try (CaptureThread cap = new CaptureThread(new VideoFileSource(bad), slot, told::set).start()) {
            assertNull(slot.take(10, TimeUnit.SECONDS), "the slot is closed, no frame");
            assertTrue(cap.join(10_000));
            assertNotNull(cap.error());
            assertSame(cap.error(), told.get());
            assertEquals(CameraException.Reason.UNREADABLE, cap.error().reason());
        }
    }
}
