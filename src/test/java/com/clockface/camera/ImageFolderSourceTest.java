package com.clockface.camera;

import com.clockface.vision.BgrImage;
import com.clockface.vision.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ImageFolderSourceTest {

    static final Path DATA = Path.of(System.getProperty("clockface.data"));

    @Test
    void playsRealImagesInNameOrderAtTheGivenRate() throws Exception {
        Path folder = DATA.resolve("identities/nuaa-0003");
        try (ImageFolderSource src = new ImageFolderSource(folder, 10)) {
            src.open();
            assertEquals(640, src.info().width());
            assertEquals(480, src.info().height());
            assertTrue(src.info().testSource());
            int n = 0;
            Frame f;
            while ((f = src.next()) != null) {
                assertEquals(n * 100_000_000L, f.timeNanos());
                Path file = src.files().get(n);
                BgrImage expected = BgrImage.fromBufferedImage(ImageIO.read(file.toFile()));
                assertArrayEquals(expected.data(), f.image().data(), "frame " + n + " is " + file.getFileName());
                n++;
            }
            assertEquals(6, n);
            assertEquals("00001.jpg", src.files().get(0).getFileName().toString());
        }
    }

    @Test
    void imagesOfOtherSizesAreScaledToTheFirstAndNonImagesIgnored(@TempDir Path dir) throws Exception {
        Files.copy(DATA.resolve("identities/nuaa-0002/00001.jpg"), dir.resolve("a.jpg"));      // 640x480
        Files.copy(DATA.resolve("identities/lfw-Adrien_Brody").toFile().listFiles()[0].toPath(), dir.resolve("b.jpg")); // 250x250 grey
        Files.writeString(dir.resolve("readme.txt"), "not an image");
        try (ImageFolderSource src = new ImageFolderSource(dir, 30).loop(true)) {
            src.open();
            assertEquals(2, src.files().size());
            for (int i = 0; i < 5; i++) {
                Frame f = src.next();
                assertEquals(640, f.image().width());
                assertEquals(480, f.image().height());
            }
        }
    }

    @Test
    void emptyFolderAndBrokenImageGiveActionableErrors(@TempDir Path dir) throws Exception {
        CameraException empty = assertThrows(CameraException.class, () -> new ImageFolderSource(dir, 10).open());
        assertTrue(empty.getMessage().contains("holds no images"), empty.getMessage());

        Files.copy(DATA.resolve("identities/nuaa-0002/00001.jpg"), dir.resolve("a.jpg"));
        Files.write(dir.resolve("b.jpg"), new byte[] {1, 2, 3, 4, 5});
        try (ImageFolderSource src = new ImageFolderSource(dir, 10)) {
            src.open();
            assertNotNull(src.next());
            CameraException broken = assertThrows(CameraException.class, src::next);
            assertEquals(CameraException.Reason.UNREADABLE, broken.reason());
            assertTrue(broken.getMessage().contains("b.jpg"), broken.getMessage());
        }

        CameraException missing = assertThrows(CameraException.class, () -> new ImageFolderSource(dir.resolve("gone"), 10).open());
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }
}
