package com.clockface.camera;

import com.clockface.vision.BgrImage;
import com.clockface.vision.Frame;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

class LatestFrameSlotTest {

    static Frame frame(long t) { return new Frame(BgrImage.filled(4, 4, 1, 2, 3), t); }

    @Test
    void keepsOnlyTheNewestAndCountsDrops() {
        LatestFrameSlot slot = new LatestFrameSlot();
        assertNull(slot.poll());
        slot.put(frame(1));
        slot.put(frame(2));
        slot.put(frame(3));
        assertEquals(3, slot.poll().timeNanos());
        assertNull(slot.poll(), "the same frame is not handed out twice");
        assertEquals(3, slot.peek().timeNanos(), "but a preview can repaint it");
        assertEquals(2, slot.dropped());
        slot.put(frame(4));
        assertEquals(4, slot.poll().timeNanos());
        assertEquals(2, slot.dropped(), "a frame that was taken is not counted as dropped");
    }

    @Test
    void aLockStepProducerWaitsUntilItsFrameWasTaken() throws Exception {
        LatestFrameSlot slot = new LatestFrameSlot();
        assertTrue(slot.awaitTaken(10, TimeUnit.MILLISECONDS), "nothing put yet: nothing to wait for");
        slot.put(frame(1));
        assertFalse(slot.awaitTaken(30, TimeUnit.MILLISECONDS), "not taken yet");
        slot.peek();
        assertFalse(slot.awaitTaken(30, TimeUnit.MILLISECONDS), "a preview's peek does not count");
        Thread consumer = new Thread(() -> {
            try {
                Thread.sleep(50);
                slot.take(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.start();
        assertTrue(slot.awaitTaken(5, TimeUnit.SECONDS), "woken by the take");
        consumer.join();
        assertEquals(0, slot.dropped());
        slot.put(frame(2));
        slot.close();
        assertTrue(slot.awaitTaken(5, TimeUnit.SECONDS), "a closed slot never keeps its producer waiting");
    }

    @Test
    void takeWaitsForANewerFrameAndCloseWakesIt() throws Exception {
        LatestFrameSlot slot = new LatestFrameSlot();
        AtomicReference<Frame> got = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                got.set(slot.take(10, TimeUnit.SECONDS));
            } catch (InterruptedException ignored) {
            }
            done.countDown();
        });
        t.start();
        slot.put(frame(7));
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(7, got.get().timeNanos());

        CountDownLatch closed = new CountDownLatch(1);
        Thread t2 = new Thread(() -> {
            try {
                got.set(slot.take(10, TimeUnit.SECONDS));
            } catch (InterruptedException ignored) {
            }
            closed.countDown();
        });
        t2.start();
        slot.close();
        assertTrue(closed.await(10, TimeUnit.SECONDS));
        assertNull(got.get());
    }

    @Test
    void slowConsumerOfARealVideoGetsTheLatestFramesOnly() throws Exception {
        // the capture side decodes a real recording as fast as it can; the consumer is slower
        LatestFrameSlot slot = new LatestFrameSlot();
        Path file = Path.of(System.getProperty("clockface.data"), "videos/live/00002.webm");
        Thread capture = new Thread(() -> {
            try (VideoFileSource src = new VideoFileSource(file)) {
                src.open();
                Frame f;
                while ((f = src.next()) != null) slot.put(f);
            } catch (CameraException e) {
                throw new RuntimeException(e);
            } finally {
                slot.close();
            }
        });
        capture.start();
        long prev = Long.MIN_VALUE;
        int consumed = 0;
        Frame f;
        while ((f = slot.take(10, TimeUnit.SECONDS)) != null) {
            assertTrue(f.timeNanos() > prev, "never an older frame");
            prev = f.timeNanos();
            consumed++;
            Thread.sleep(15); // a consumer slower than the decoder
        }
        capture.join();
        assertEquals(214, slot.received());
        assertEquals(slot.received(), consumed + slot.dropped(), "every frame was either consumed or dropped");
        assertTrue(slot.dropped() > 0, "frames were dropped, not queued");
    }
}
