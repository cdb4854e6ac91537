package com.clockface.liveness.injection;

import com.clockface.camera.VideoFileSource;
import com.clockface.vision.BgrImage;
import com.clockface.vision.CameraInfo;
import com.clockface.vision.Frame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.clockface.liveness.injection.InjectionSignal.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Injection signals on the real recordings in shared/data and on attack streams built from their
 * real frames. Prints every report so the values can be read off the test log.
 */
class InjectionAnalyzerTest {

    static final Path DATA = Path.of(System.getProperty("clockface.data"));
    /** A plausible real device: the attack streams below pretend to come from it. */
    static final CameraInfo WEBCAM = new CameraInfo("Integrated Camera: Integrated C", "v4l2 (FFmpeg)", 640, 480, 30, false);

    /** The first 90 frames of live/00002 (640x480 VP8 webcam recording), with their own timestamps. */
    static List<Frame> live;

    @BeforeAll
    static void load() throws Exception {
        live = decode(DATA.resolve("videos/live/00002.webm"), 90);
    }

    static List<Frame> decode(Path file, int max) throws Exception {
        List<Frame> out = new ArrayList<>();
        try (VideoFileSource src = new VideoFileSource(file)) {
            src.open();
            Frame f;
            while (out.size() < max && (f = src.next()) != null) out.add(f);
        }
        return out;
    }

    static InjectionReport print(String label, InjectionReport r) {
        System.out.printf("%-28s risk=%.3f frames=%d fps=%.1f%n", label, r.risk(), r.frames(), r.measuredFps());
        for (SignalResult s : r.signals()) {
            System.out.printf("    %-17s %s value=%.3f  %s%n", s.signal(), s.fired() ? "FIRED" : "ok   ", s.value(), s.detail());
        }
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"videos/live/00001.webm", "videos/live/00002.webm"})
    void liveRecordingsLookLikeACamera(String name) throws Exception {
        InjectionReport r;
        try (VideoFileSource src = new VideoFileSource(DATA.resolve(name))) {
            src.open();
            InjectionAnalyzer a = new InjectionAnalyzer(src.info());
            Frame f;
            while ((f = src.next()) != null) a.accept(f);
            r = print(name, a.report());
        }
        for (InjectionSignal s : List.of(FROZEN_FRAMES, REPEATED_FRAMES, LOOPED_CONTENT, NOISE_ABSENT, TIMING_IRREGULAR, LOW_FPS, VIRTUAL_CAMERA)) {
            assertFalse(r.fired(s), s + " must not fire on a live recording: " + r.get(s).detail());
        }
        assertEquals(0.0, r.risk());
    }

    @ParameterizedTest
    @ValueSource(strings = {"videos/replay/00001.webm", "videos/replay/00002.webm"})
    void replayRecordingsAreNotInjection(String name) throws Exception {
        // a phone held up to a real camera is a presentation attack (PAD's job), not an injected stream
        InjectionReport r;
        try (VideoFileSource src = new VideoFileSource(DATA.resolve(name))) {
            src.open();
            InjectionAnalyzer a = new InjectionAnalyzer(src.info());
            Frame f;
            while ((f = src.next()) != null) a.accept(f);
            r = print(name, a.report());
        }
        assertFalse(r.fired(FROZEN_FRAMES) || r.fired(REPEATED_FRAMES) || r.fired(LOOPED_CONTENT));
    }

    @Test
    void liveFramesThroughAFakeDeviceNameFireOnlyVirtualCamera() {
        var obs = new CameraInfo("OBS Virtual Camera", "dshow (FFmpeg)", 640, 480, 30, false);
        InjectionReport r = print("live frames via OBS", InjectionAnalyzer.analyze(obs, live));
        assertTrue(r.fired(VIRTUAL_CAMERA));
        assertEquals(List.of(VIRTUAL_CAMERA), r.firedSignals().stream().map(SignalResult::signal).toList());
        assertTrue(r.risk() >= 0.9);
    }

    @Test
    void frozenStreamOfOneRealFrame() {
        List<Frame> s = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) s.add(new Frame(live.get(10).image(), live.get(i).timeNanos()));
        InjectionReport r = print("frozen real frame", InjectionAnalyzer.analyze(WEBCAM, s));
        assertTrue(r.fired(FROZEN_FRAMES));
        assertTrue(r.get(FROZEN_FRAMES).value() > 2.0, "frozen for the whole clip");
        assertTrue(r.fired(NOISE_ABSENT));
        assertFalse(r.fired(LOOPED_CONTENT), "a still picture is not a loop");
        assertFalse(r.fired(REPEATED_FRAMES), "consecutive duplicates are FROZEN, not REPEATED");
        assertTrue(r.risk() > 0.9);
    }

    @Test
    void stutteringStreamEachFrameSentThreeTimes() {
        // a 10 fps clip padded to 30 fps by repeating frames: most pairs are exact copies
        List<Frame> s = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) s.add(new Frame(live.get(i / 3 * 3).image(), live.get(i).timeNanos()));
        InjectionReport r = print("stutter x3", InjectionAnalyzer.analyze(WEBCAM, s));
        assertTrue(r.fired(FROZEN_FRAMES), r.get(FROZEN_FRAMES).detail());
        assertFalse(r.fired(LOOPED_CONTENT));
    }

    @Test
    void loopedStreamOfRealFrames() {
        List<Frame> s = new ArrayList<>();
        int n = 45;
        long period = live.get(n).timeNanos() - live.get(0).timeNanos();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) s.add(new Frame(live.get(i).image(), live.get(i).timeNanos() + pass * period));
        }
        InjectionReport r = print("looped 2x45 frames", InjectionAnalyzer.analyze(WEBCAM, s));
        assertTrue(r.fired(REPEATED_FRAMES));
        assertEquals(n, r.get(REPEATED_FRAMES).value(), 0.0, "every frame of the second pass re-appears");
        assertTrue(r.fired(LOOPED_CONTENT));
        assertTrue(r.get(LOOPED_CONTENT).value() >= n - 1);
        assertFalse(r.fired(FROZEN_FRAMES));
    }

    @Test
    void loopedStreamReEncodedStillFoundByItsThumbnails(@TempDir Path dir) throws Exception {
        // the loop passes through an encoder, so no frame is byte-identical any more
        Path clip = dir.resolve("loop.avi");
        try (var rec = new FFmpegFrameRecorder(clip.toFile(), 640, 480); var conv = new Java2DFrameConverter()) {
            rec.setFormat("avi");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(30);
            rec.setVideoQuality(4);
            rec.start();
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < 40; i++) rec.record(conv.convert(live.get(i).image().toBufferedImage()));
            }
            rec.stop();
        }
        List<Frame> decoded = decode(clip, 1000);
        assertEquals(80, decoded.size());
        List<Frame> s = new ArrayList<>();
        long period = live.get(40).timeNanos() - live.get(0).timeNanos();
        for (int i = 0; i < decoded.size(); i++) s.add(new Frame(decoded.get(i).image(), live.get(i % 40).timeNanos() + (i / 40) * period));
        InjectionReport r = print("looped, re-encoded", InjectionAnalyzer.analyze(WEBCAM, s));
        assertTrue(r.fired(LOOPED_CONTENT), r.get(LOOPED_CONTENT).detail());
        assertFalse(r.fired(TIMING_IRREGULAR), r.get(TIMING_IRREGULAR).detail());
    }

    /** 3x3 box blur, twice: removes every trace of sensor noise and JPEG grain, like a rendered picture. */
    static BgrImage smooth(BgrImage im) {
        for (int pass = 0; pass < 2; pass++) {
            int w = im.width(), h = im.height();
            byte[] d = im.data(), o = new byte[d.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        int sum = 0;
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int yy = Math.min(h - 1, Math.max(0, y + dy)), xx = Math.min(w - 1, Math.max(0, x + dx));
                                sum += d[(yy * w + xx) * 3 + c] & 0xFF;
                            }
                        }
                        o[(y * w + x) * 3 + c] = (byte) ((sum + 4) / 9);
                    }
                }
            }
            im = new BgrImage(w, h, o);
        }
        return im;
    }

    @Test
    void cleanInjectedPhotoStream() throws Exception {
        BgrImage photo = smooth(BgrImage.fromBufferedImage(ImageIO.read(DATA.resolve("identities/nuaa-0007/00002.jpg").toFile())));
        List<Frame> s = new ArrayList<>();
        for (int i = 0; i < 60; i++) s.add(new Frame(photo, live.get(i).timeNanos()));
        InjectionReport r = print("clean photo, exact repeats", InjectionAnalyzer.analyze(WEBCAM, s));
        assertTrue(r.fired(NOISE_ABSENT));
        assertTrue(r.fired(FROZEN_FRAMES));
        assertTrue(r.risk() > 0.9);
    }

    @Test
    void cleanRenderedHeadMovingOnAStillBackground() throws Exception {
        // a "deep-fake" style stream: a face patch slides over a clean, unchanging background
        BgrImage photo = smooth(BgrImage.fromBufferedImage(ImageIO.read(DATA.resolve("identities/nuaa-0007/00002.jpg").toFile())));
        BgrImage head = photo.crop(240, 120, 160, 180);
        List<Frame> s = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            byte[] d = photo.data().clone();
            int ox = 150 + 3 * i, oy = 120 + (i % 7);
            for (int y = 0; y < head.height(); y++) {
                System.arraycopy(head.data(), y * head.width() * 3, d, ((oy + y) * photo.width() + ox) * 3, head.width() * 3);
            }
            s.add(new Frame(new BgrImage(photo.width(), photo.height(), d), live.get(i).timeNanos()));
        }
        InjectionReport r = print("clean moving head", InjectionAnalyzer.analyze(WEBCAM, s));
        assertTrue(r.fired(NOISE_ABSENT), r.get(NOISE_ABSENT).detail());
        assertFalse(r.fired(FROZEN_FRAMES), "it moves, so it is not frozen: " + r.get(FROZEN_FRAMES).detail());
    }

    @Test
    void lowFrameRateStream() {
        List<Frame> s = new ArrayList<>();
        for (int i = 0; i < live.size(); i += 3) s.add(live.get(i));
        InjectionReport r = print("every 3rd frame (~10 fps)", InjectionAnalyzer.analyze(WEBCAM, s));
        assertTrue(r.fired(LOW_FPS));
        assertTrue(r.measuredFps() < 12 && r.measuredFps() > 5, "fps " + r.measuredFps());
        assertFalse(r.fired(FROZEN_FRAMES));
    }

    /** A kiosk whose face analysis takes every 3rd frame on a busy CPU: the camera's own times say the rate is fine. */
    @Test
    void analysedFramesWithTheCamerasTimesMeasureTheCameraNotTheAnalysis() {
        List<Frame> analysed = new ArrayList<>();
        for (int i = 0; i < live.size(); i += 3) analysed.add(live.get(i));
        long[] camera = live.stream().mapToLong(Frame::timeNanos).toArray();
        InjectionReport r = print("every 3rd frame + camera times", InjectionAnalyzer.analyze(WEBCAM, analysed, camera));
        assertFalse(r.fired(LOW_FPS), r.get(LOW_FPS).detail());
        assertFalse(r.fired(TIMING_IRREGULAR), r.get(TIMING_IRREGULAR).detail());
        assertEquals(InjectionAnalyzer.analyze(WEBCAM, live).measuredFps(), r.measuredFps(), 1e-9, "the camera's rate");
        // a camera that really is slow still fires, whatever the analysis saw
        long[] slow = analysed.stream().mapToLong(Frame::timeNanos).toArray();
        assertTrue(InjectionAnalyzer.analyze(WEBCAM, analysed, slow).fired(LOW_FPS));
    }

    @Test
    void timingRules() {
        List<Frame> exact = new ArrayList<>(), backwards = new ArrayList<>(), wild = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(7);
        long t = 0;
        for (int i = 0; i < 60; i++) {
            BgrImage img = live.get(i).image();
            exact.add(new Frame(img, 1_000_000_000L + i * 33_333_333L));
            backwards.add(new Frame(img, live.get(i == 30 ? 20 : i).timeNanos()));
            t += 5_000_000L + (long) (rnd.nextDouble() * rnd.nextDouble() * 200_000_000L);
            wild.add(new Frame(img, t));
        }
        assertTrue(print("exact intervals, device", InjectionAnalyzer.analyze(WEBCAM, exact)).fired(TIMING_IRREGULAR));
        var file = new CameraInfo("clip.mp4", "file (FFmpeg)", 640, 480, 30, true);
        assertFalse(InjectionAnalyzer.analyze(file, exact).fired(TIMING_IRREGULAR), "a file's container clock is exact by design");
        assertTrue(print("time runs backwards", InjectionAnalyzer.analyze(WEBCAM, backwards)).fired(TIMING_IRREGULAR));
        assertTrue(print("wild jitter", InjectionAnalyzer.analyze(WEBCAM, wild)).fired(TIMING_IRREGULAR));
        assertFalse(InjectionAnalyzer.analyze(WEBCAM, live).fired(TIMING_IRREGULAR), "the recording's own timing is fine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"OBS Virtual Camera", "OBS-Camera", "ManyCam Virtual Webcam", "Dummy video device (0x0000)",
            "v4l2loopback", "Loopback video device 0", "Snap Camera", "XSplit VCam", "e2eSoft iVCam", "Virtual Cam",
            "DroidCam Source 3", "Iriun Webcam", "NVIDIA Broadcast", "Camo", "mmhmm"})
    void virtualCameraNamesFire(String name) {
        var info = new CameraInfo(name, "dshow (FFmpeg)", 640, 480, 30, false);
        assertTrue(InjectionAnalyzer.analyze(info, List.of()).fired(VIRTUAL_CAMERA), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Integrated Camera", "Logitech HD Webcam C920", "HP TrueVision HD Camera", "USB2.0 HD UVC WebCam",
            "Microsoft LifeCam HD-3000", "Razer Kiyo", "FaceTime HD Camera", "Integrated Webcam: Jobs Room", "Camera obscura 2"})
    void realCameraNamesDoNotFire(String name) {
        var info = new CameraInfo(name, "v4l2 (FFmpeg)", 640, 480, 30, false);
        assertFalse(InjectionAnalyzer.analyze(info, List.of()).fired(VIRTUAL_CAMERA), name);
    }

    /** The 23 frames of one NUAA subject (a 640x480 webcam, JPEG) for a label, in capture order, played as a camera. */
    static InjectionReport nuaaStream(String label, String subject, Path dir) throws Exception {
        int n = 0;
        var format = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var reader = java.nio.file.Files.newBufferedReader(DATA.resolve("manifest.csv"));
             var csv = format.parse(reader)) {
            for (var row : csv) {
                if (row.get("path").startsWith("spoof/" + label + "/") && row.get("subject").equals(subject)) {
                    java.nio.file.Files.copy(DATA.resolve(row.get("path")), dir.resolve(String.format("%03d.jpg", n++)));
                }
            }
        }
        assertEquals(23, n);
        try (var src = new com.clockface.camera.ImageFolderSource(dir, 15)) {
            src.open();
            // what a real device would report: the frames come from a webcam, not a file
            InjectionAnalyzer a = new InjectionAnalyzer(new CameraInfo("USB2.0 PC CAMERA", "v4l2 (FFmpeg)", 640, 480, 15, true));
            Frame f;
            while ((f = src.next()) != null) a.accept(f);
            return print("NUAA " + label + " " + subject, a.report());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nuaa-0003", "nuaa-0011"})
    void webcamJpegFramesOfLiveAndPrintedFacesAreNotInjection(String subject, @TempDir Path dir) throws Exception {
        // a printed photo in front of a real webcam is a presentation attack, still captured by a sensor
        for (String label : List.of("live", "print")) {
            Path d = java.nio.file.Files.createDirectory(dir.resolve(label));
            InjectionReport r = nuaaStream(label, subject, d);
            for (InjectionSignal s : List.of(FROZEN_FRAMES, REPEATED_FRAMES, LOOPED_CONTENT, NOISE_ABSENT)) {
                assertFalse(r.fired(s), label + ": " + r.get(s).detail());
            }
        }
    }

    @Test
    void theSameFrameObjectHandedInTwiceIsIgnored() {
        InjectionAnalyzer a = new InjectionAnalyzer(WEBCAM);
        for (Frame f : live.subList(0, 30)) {
            a.accept(f);
            a.accept(f); // a consumer that re-reads its slot
        }
        assertEquals(30, a.frameCount());
        assertFalse(a.report().fired(FROZEN_FRAMES));
    }

    @Test
    void oddFrameSizesDoNotBreakTheAnalysis() {
        List<Frame> s = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            BgrImage img = i < 10 ? live.get(i).image().crop(0, 0, 7, 5) : live.get(i).image().resize(33, 17);
            s.add(new Frame(img, live.get(i).timeNanos()));
        }
        InjectionReport r = InjectionAnalyzer.analyze(WEBCAM, s);
        assertEquals(20, r.frames());
        assertEquals(InjectionSignal.values().length, r.signals().size());
    }

    @Test
    void tooFewFramesIsInconclusiveNotAnAttack() {
        InjectionReport r = InjectionAnalyzer.analyze(WEBCAM, live.subList(0, 3));
        assertEquals(0.0, r.risk());
        assertEquals(3, r.frames());
    }
}
