package com.clockface.camera;

import com.clockface.vision.CameraInfo;
import com.clockface.vision.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.clockface.camera.ReconnectingSource.Status.*;
import static org.junit.jupiter.api.Assertions.*;

class ReconnectingSourceTest {

    /** A source that behaves like a webcam being unplugged after a number of frames. */
    static final class UnplugAfter implements FrameSource {
        final FrameSource inner;
        final int frames;
        int served;

        UnplugAfter(FrameSource inner, int frames) {
            this.inner = inner;
            this.frames = frames;
        }

        @Override public void open() throws CameraException { inner.open(); }

        @Override
        public Frame next() throws CameraException {
            if (served++ >= frames) {
                throw new CameraException(CameraException.Reason.DISCONNECTED, "The camera \"test\" stopped sending pictures.");
            }
            return inner.next();
        }

        @Override public CameraInfo info() { return inner.info(); }
        @Override public void close() { inner.close(); }
    }

    @Test
    void factoryFailingThreeTimesThenTheCameraAppears(@TempDir Path dir) throws Exception {
        Path clip = VideoFileSourceTest.recordClip(dir.resolve("cam.avi"), 10, 25);
        AtomicInteger attempts = new AtomicInteger();
        List<ReconnectingSource.Status> seen = Collections.synchronizedList(new ArrayList<>());
        ReconnectingSource src = new ReconnectingSource(() -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new CameraException(CameraException.Reason.NO_CAMERA, "No camera was found.");
            }
            return new VideoFileSource(clip);
        }, Duration.ofMillis(10));
        src.addListener((s, why) -> seen.add(s));
        src.open(); // does not throw although there is no camera yet
        assertEquals(CAMERA_UNAVAILABLE, src.status());
        assertEquals("No camera was found.", src.problem().getMessage());
        Frame f = src.next(); // waits until the fourth attempt succeeds
        assertNotNull(f);
        assertEquals(RUNNING, src.status());
        assertNull(src.problem());
        assertEquals(4, attempts.get());
        assertEquals(List.of(CAMERA_UNAVAILABLE, RUNNING), seen, "retries with the same reason are reported once");
        assertEquals(320, src.info().width());
        src.close();
        assertEquals(CLOSED, src.status());
        assertNull(src.next());
    }

    /** Another camera chosen in the settings: the running source lets go of the old one and opens the new one. */
    @Test
    void reconnectOpensWhatTheFactoryNamesNow(@TempDir Path dir) throws Exception {
        Path a = VideoFileSourceTest.recordClip(dir.resolve("a.avi"), 10, 25);
        Path b = VideoFileSourceTest.recordClip(dir.resolve("b.avi"), 10, 25);
        java.util.concurrent.atomic.AtomicReference<Path> chosen = new java.util.concurrent.atomic.AtomicReference<>(a);
        ReconnectingSource src = new ReconnectingSource(() -> new VideoFileSource(chosen.get()), Duration.ofMillis(10));
        src.open();
        assertNotNull(src.next());
        assertEquals("a.avi", src.info().name());
        chosen.set(b);
        src.reconnect();
        assertNotNull(src.next());
        assertEquals("b.avi", src.info().name());
        assertEquals(RUNNING, src.status());
        src.close();
        src.reconnect(); // harmless once closed
        assertNull(src.next());
    }

    @Test
    void cameraVanishesMidSessionAndComesBack(@TempDir Path dir) throws Exception {
        Path clip = VideoFileSourceTest.recordClip(dir.resolve("cam.avi"), 12, 25);
        Path away = dir.resolve("unplugged.avi");
        AtomicInteger created = new AtomicInteger();
        // every source "unplugs" after 5 frames; reopening fails while the file is gone
        ReconnectingSource src = new ReconnectingSource(() -> {
            created.incrementAndGet();
            return new UnplugAfter(new VideoFileSource(clip), 5);
        }, Duration.ofMillis(10));
        CountDownLatch unavailable = new CountDownLatch(1);
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        src.addListener((s, why) -> {
            if (s == CAMERA_UNAVAILABLE) {
                problems.add(why.reason() + ": " + why.getMessage());
                if (unavailable.getCount() == 1) {
                    try {
                        Files.move(clip, away); // the device node disappears
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                    unavailable.countDown();
                }
            }
        });
        src.open();
        for (int i = 0; i < 5; i++) assertNotNull(src.next());
        assertEquals(RUNNING, src.status());

        Thread replug = new Thread(() -> {
            try {
                assertTrue(unavailable.await(10, TimeUnit.SECONDS));
                while (created.get() < 4) Thread.sleep(5); // let it fail a few reopen attempts
                Files.move(away, clip);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        replug.start();
        Frame f = src.next(); // blocks through the outage
        replug.join();
        assertNotNull(f);
        assertEquals(RUNNING, src.status());
        assertEquals(1, src.reconnects());
        assertTrue(problems.get(0).startsWith("DISCONNECTED"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("UNREADABLE") && p.contains("does not exist")), problems.toString());
        src.close();
    }

    @Test
    void closeFromAnotherThreadEndsAWaitingRead() throws Exception {
        ReconnectingSource src = new ReconnectingSource(() -> {
            throw new CameraException(CameraException.Reason.NO_CAMERA, "No camera was found.");
        }, Duration.ofMillis(50));
        src.open();
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
            }
            src.close();
        });
        closer.start();
        assertNull(src.next(), "a closed source ends the stream");
        closer.join();
        assertEquals(CLOSED, src.status());
    }

    @Test
    void finiteSourceEndIsNotADisconnection(@TempDir Path dir) throws Exception {
        Path clip = VideoFileSourceTest.recordClip(dir.resolve("cam.avi"), 3, 25);
        ReconnectingSource src = new ReconnectingSource(() -> new VideoFileSource(clip), Duration.ofMillis(10));
        src.open();
        int n = 0;
        while (src.next() != null) n++;
        assertEquals(3, n);
        assertEquals(RUNNING, src.status());
        src.close();
    }

    @Test
    void captureThreadFeedsTheSlotThroughAnOutage(@TempDir Path dir) throws Exception {
        Path clip = VideoFileSourceTest.recordClip(dir.resolve("cam.avi"), 8, 25);
        AtomicInteger created = new AtomicInteger();
        ReconnectingSource src = new ReconnectingSource(() -> {
            if (created.incrementAndGet() == 2) throw new CameraException(CameraException.Reason.NO_CAMERA, "gone");
            return new UnplugAfter(new VideoFileSource(clip), 4);
        }, Duration.ofMillis(10));
        LatestFrameSlot slot = new LatestFrameSlot();
        try (CaptureThread cap = new CaptureThread(src, slot).start()) {
            int got = 0;
            while (got < 10 && slot.take(10, TimeUnit.SECONDS) != null) got++;
            assertEquals(10, got, "frames keep coming after the camera came back");
            assertTrue(src.reconnects() >= 1);
        }
        assertEquals(CLOSED, src.status());
    }
}
