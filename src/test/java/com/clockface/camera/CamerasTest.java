package com.clockface.camera;

import com.clockface.vision.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Camera discovery on this machine, which has no webcam (and no libv4l-0 for webcam-capture). */
class CamerasTest {

    static final Path DATA = Path.of(System.getProperty("clockface.data"));

    @Test
    void noCameraGivesAnEmptyListQuickly() {
        // a hang guard, not a speed test: discovery with no camera must not block the kiosk's start
        List<String> names = assertTimeoutPreemptively(Duration.ofSeconds(10), Cameras::list);
        assertEquals(List.of(), names);
    }

    @Test
    void webcamCaptureWithoutItsNativeLibraryIsHandled() {
        // without libv4l-0 webcam-capture's driver throws; with it, it finds nothing here. Either way: empty.
        List<CameraDevice> found = assertTimeoutPreemptively(Duration.ofSeconds(20), WebcamCaptureDevices::list);
        assertEquals(List.of(), found);
    }

    @Test
    void openingTheDefaultCameraWithoutOneSaysWhatToDo() {
        CameraException e = assertThrows(CameraException.class, () -> Cameras.open("default"));
        assertEquals(CameraException.Reason.NO_CAMERA, e.reason());
        assertTrue(e.getMessage().startsWith("No camera was found."), e.getMessage());
        assertTrue(e.getMessage().contains("--camera file:"), e.getMessage());
        assertThrows(CameraException.class, () -> Cameras.open(""));
    }

    @Test
    void openingAMissingNamedCameraSaysWhichExist() {
        CameraException e = assertThrows(CameraException.class, () -> Cameras.open("Logitech HD Webcam C920"));
        assertEquals(CameraException.Reason.NO_CAMERA, e.reason());
        assertTrue(e.getMessage().contains("\"Logitech HD Webcam C920\"") && e.getMessage().contains("no camera is connected"), e.getMessage());
    }

    @Test
    void openingAMissingV4l2DeviceFailsFastWithAnActionableError() {
        CameraException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(CameraException.class, () -> Cameras.open("v4l2:/dev/video9")));
        System.out.println("v4l2:/dev/video9 -> " + e.reason() + ": " + e.getMessage());
        if (JavaCvFrames.deviceInputProblem() == null) {
            // FFmpeg's v4l2 input loaded: the device simply is not there
            assertEquals(CameraException.Reason.NO_CAMERA, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("/dev/video9") && e.getMessage().contains("not connected"), e.getMessage());
        } else {
            // this machine: libavdevice cannot load (no libpulse0) and webcam-capture has no libv4l-0
            assertTrue(e.reason() == CameraException.Reason.DRIVER || e.reason() == CameraException.Reason.NO_CAMERA, e.getMessage());
            if (e.reason() == CameraException.Reason.DRIVER) {
                assertTrue(e.getMessage().contains("apt-get install libpulse0 libv4l-0"), e.getMessage());
            }
        }
    }

    @Test
    void fileSpecPlaysAVideoOrAnImageFolderAsATestCamera() throws Exception {
        try (FrameSource s = Cameras.open("file:" + DATA.resolve("videos/live/00002.webm"))) {
            assertTrue(s instanceof VideoFileSource);
            assertTrue(s.info().testSource());
            Frame a = s.next(), b = s.next();
            assertTrue(b.timeNanos() > a.timeNanos());
        }
        try (FrameSource s = Cameras.open("file:" + DATA.resolve("identities/nuaa-0005"))) {
            assertTrue(s instanceof ImageFolderSource);
            assertEquals(640, s.info().width());
            for (int i = 0; i < 8; i++) assertNotNull(s.next(), "an image folder camera loops"); // 6 images
        }
        CameraException e = assertThrows(CameraException.class, () -> Cameras.open("file:/no/such/video.mp4"));
        assertEquals(CameraException.Reason.UNREADABLE, e.reason());
    }

    @Test
    void reconnectingDefaultStartsUnavailableInsteadOfFailing() {
        ReconnectingSource r = Cameras.reconnecting("default");
        r.open();
        assertEquals(ReconnectingSource.Status.CAMERA_UNAVAILABLE, r.status());
        assertTrue(r.problem().getMessage().startsWith("No camera was found."));
        r.close();
    }

    @Test
    void linuxDevicesAreReadFromSysfs(@TempDir Path dir) throws Exception {
        Path sys = dir.resolve("sys"), dev = dir.resolve("dev");
        node(sys, "video0", "Integrated Camera: Integrated C", "0");
        node(sys, "video1", "Integrated Camera: Integrated C", "1"); // metadata node of the same camera
        node(sys, "video10", "Dummy video device (0x0000)", "0");   // v4l2loopback
        node(sys, "video2", "HD Pro Webcam C920", "0");
        node(sys, "video4", "HD Pro Webcam C920", "0");              // a second identical camera
        List<CameraDevice> found = LinuxVideoDevices.list(sys, dev);
        assertEquals(List.of("Integrated Camera: Integrated C", "HD Pro Webcam C920", "HD Pro Webcam C920 #2", "Dummy video device (0x0000)"),
                found.stream().map(CameraDevice::name).toList());
        assertEquals(dev.resolve("video4").toString(), found.get(2).id());
        assertEquals(WebcamSource.Backend.FFMPEG_V4L2, found.get(0).backend());
        assertEquals(found.get(1), Cameras.byName("c920", found.subList(0, 2)), "a unique part of the name is enough");
        assertThrows(CameraException.class, () -> Cameras.byName("c920", found), "ambiguous");
        assertEquals(List.of(), LinuxVideoDevices.list(dir.resolve("none"), dev));
    }

    private static void node(Path sys, String node, String name, String index) throws Exception {
        Path d = Files.createDirectories(sys.resolve(node));
        Files.writeString(d.resolve("name"), name + "\n");
        Files.writeString(d.resolve("index"), index + "\n");
    }
}
