package com.clockface.camera;

import com.clockface.vision.BgrImage;
import com.clockface.vision.Frame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class VideoFileSourceTest {

    static final Path DATA = Path.of(System.getProperty("clockface.data"));

    @ParameterizedTest
    @ValueSource(strings = {"videos/live/00001.webm", "videos/live/00002.webm", "videos/replay/00001.webm", "videos/replay/00002.webm"})
    void realVideosDecodeWithStreamTimestamps(String name) throws Exception {
        Path file = DATA.resolve(name);
        try (VideoFileSource src = new VideoFileSource(file)) {
            src.open();
            var info = src.info();
            assertTrue(info.testSource());
            assertTrue(info.width() == 960 || info.width() == 640, "width " + info.width());
            int n = 0;
            long first = -1, prev = Long.MIN_VALUE;
            double lumaSum = 0;
            Frame f;
            while ((f = src.next()) != null) {
                BgrImage img = f.image();
                assertEquals(info.width(), img.width());
                assertEquals(info.height(), img.height());
                if (first < 0) first = f.timeNanos();
                assertTrue(f.timeNanos() > prev, "timestamps increase at frame " + n);
                assertTrue(prev == Long.MIN_VALUE || f.timeNanos() - prev < 500_000_000L, "gap under 0.5 s at frame " + n);
                prev = f.timeNanos();
                if (n % 20 == 0) lumaSum += img.luma(img.width() / 2, img.height() / 2);
                n++;
            }
            assertTrue(n > 100, "frames decoded: " + n);
            assertTrue(first < 200_000_000L, "stream starts near 0: " + first);
            double seconds = (prev - first) / 1e9;
            // DATA.md: the clips are 10-15 s long
            assertTrue(seconds > 9 && seconds < 16, "duration " + seconds);
            assertTrue(lumaSum > 0, "frames are not black");
            assertNull(src.next(), "stays at the end");
        }
    }

    @Test
    void missingFileGivesActionableError(@TempDir Path dir) {
        var src = new VideoFileSource(dir.resolve("nope.mp4"));
        CameraException e = assertThrows(CameraException.class, src::open);
        assertEquals(CameraException.Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("nope.mp4") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void notAVideoGivesActionableError(@TempDir Path dir) throws Exception {
        Path txt = dir.resolve("notes.mp4");
        Files.writeString(txt, "this is not a video, just some text that happens to end in .mp4\n".repeat(50));
        var src = new VideoFileSource(txt);
        CameraException e = assertThrows(CameraException.class, src::open);
        assertEquals(CameraException.Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("not a video"), e.getMessage());
        src.close(); // harmless after a failed open
    }

    /** Writes frames of a real photo, shifted a little each frame, with JavaCV's own encoder (no ffmpeg binary). */
    static Path recordClip(Path out, int frames, double fps) throws Exception {
        BgrImage photo = BgrImage.fromBufferedImage(javax.imageio.ImageIO.read(DATA.resolve("identities/nuaa-0001/00001.jpg").toFile()));
        try (var rec = new FFmpegFrameRecorder(out.toFile(), 320, 240);
             var conv = new Java2DFrameConverter()) {
            rec.setFormat("avi");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(fps);
            rec.setVideoQuality(2);
            rec.start();
            for (int i = 0; i < frames; i++) {
                BgrImage f = photo.crop(100 + 4 * i, 80, 320, 240);
                rec.record(conv.convert(f.toBufferedImage()));
            }
            rec.stop();
        }
        return out;
    }

    @Test
    void recordedClipReplaysWithItsOwnTiming(@TempDir Path dir) throws Exception {
        Path clip = recordClip(dir.resolve("clip.avi"), 20, 25);
        List<Frame> frames = new ArrayList<>();
        try (VideoFileSource src = new VideoFileSource(clip)) {
            src.open();
            assertEquals(25.0, src.info().nominalFps(), 0.01);
            assertEquals(320, src.info().width());
            Frame f;
            while ((f = src.next()) != null) frames.add(f);
        }
        assertEquals(20, frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(i * 40_000_000L, frames.get(i).timeNanos(), 1_000_000L, "frame " + i + " at i/25 s");
        }
    }

    @Test
    void loopModeRestartsWithIncreasingTimestamps(@TempDir Path dir) throws Exception {
        Path clip = recordClip(dir.resolve("clip.avi"), 10, 25);
        try (VideoFileSource src = new VideoFileSource(clip).loop(true)) {
            src.open();
            long prev = Long.MIN_VALUE;
            Frame first = null, eleventh = null;
            for (int i = 0; i < 25; i++) {
                Frame f = src.next();
                assertNotNull(f, "a looping source does not end");
                assertTrue(f.timeNanos() > prev, "time moves forward across the restart at " + i);
                prev = f.timeNanos();
                if (i == 0) first = f;
                if (i == 10) eleventh = f;
            }
            assertArrayEquals(first.image().data(), eleventh.image().data(), "frame 10 is frame 0 again");
            assertEquals(400_000_000L, eleventh.timeNanos() - first.timeNanos(), 2_000_000L);
        }
    }

    @Test
    void realTimeModeNeverDeliversAFrameBeforeItIsDue(@TempDir Path dir) throws Exception {
        Path clip = recordClip(dir.resolve("clip.avi"), 6, 25);
        try (VideoFileSource src = new VideoFileSource(clip).realTime(true)) {
            src.open();
            Frame a = src.next();
            long prev = a.timeNanos();
            Frame f;
            while ((f = src.next()) != null) {
                assertTrue(System.nanoTime() >= f.timeNanos(), "returned after its due time");
                assertEquals(40_000_000L, f.timeNanos() - prev, 1_000_000L, "stream spacing kept on the wall clock");
                prev = f.timeNanos();
            }
        }
    }
}
