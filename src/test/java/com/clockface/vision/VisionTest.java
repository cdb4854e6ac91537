package com.clockface.vision;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The real detector and embedder on the sample photos, against the figures in MODELS.md. */
class VisionTest {
    static FaceDetector detector;
    static FaceEmbedder embedder;

    @BeforeAll
    static void load() throws Exception {
        ModelResolver r = ModelResolver.fromEnvironment();
        detector = new FaceDetector(r.resolve("yunet-2023mar"));
        embedder = new FaceEmbedder(EmbedderConfig.of(r.spec("face-reid-0095")), r.resolve("face-reid-0095"));
    }

    @Test
    void detectsTheSampleFaceWhereMODELSmdSaysItIs() throws Exception {
        BgrImage img = ImageDecoder.read(TestModels.sample("obama.jpg"));
        List<Face> faces = detector.detect(img);
        assertEquals(1, faces.size());
        Face f = faces.get(0);
        assertEquals(369, f.x(), 2);
        assertEquals(91, f.y(), 2);
        assertEquals(612, f.x() + f.width(), 2);
        assertEquals(0.946, f.score(), 0.01);
        assertEquals(439.6, f.landmarkX(Face.RIGHT_EYE), 1.5);
        assertEquals(555.3, f.landmarkX(Face.LEFT_EYE), 1.5);
    }

    @Test
    void honoursExifOrientation() throws Exception {
        BgrImage img = ImageDecoder.read(TestModels.sample("spoof_replay_F2.jpg")); // stored 640x480, Orientation=6
        assertEquals(480, img.width());
        assertEquals(640, img.height());
        Face f = detector.detect(img).get(0);
        assertEquals(139, f.x(), 3);
        assertEquals(217, f.y(), 3);
    }

    @Test
    void samePersonScoresAboveDifferentPeople() throws Exception {
        float[] a = embedSample("obama.jpg"), b = embedSample("obama2.jpg"), c = embedSample("spoof_replay_F2.jpg");
        double same = FaceEmbedder.cosine(a, b), diff1 = FaceEmbedder.cosine(a, c), diff2 = FaceEmbedder.cosine(b, c);
        assertTrue(same > 0.5, "same person cosine " + same);
        assertTrue(diff1 < 0.3 && diff2 < 0.3, "different people " + diff1 + ", " + diff2);
        assertEquals(1.0, FaceEmbedder.cosine(a, a), 1e-5);
    }

    @Test
    void noFaceInAPlainImage() {
        assertTrue(detector.detect(BgrImage.filled(640, 480, 90, 120, 150)).isEmpty());
    }

    @Test
    void findsBothFacesWhenTwoPeopleAreSideBySide() throws Exception {
        BgrImage a = ImageDecoder.read(TestModels.sample("obama.jpg")).resize(455, 568);
        BgrImage b = ImageDecoder.read(TestModels.sample("obama2.jpg")).resize(296, 568);
        byte[] d = new byte[(455 + 296) * 568 * 3];
        for (int y = 0; y < 568; y++) {
            System.arraycopy(a.data(), y * 455 * 3, d, y * 751 * 3, 455 * 3);
            System.arraycopy(b.data(), y * 296 * 3, d, (y * 751 + 455) * 3, 296 * 3);
        }
        assertEquals(2, detector.detect(new BgrImage(751, 568, d)).size());
    }

    @Test
    void corruptEmptyAndHugeImagesGiveClearErrors(@TempDir Path dir) throws Exception {
        Path empty = Files.write(dir.resolve("empty.jpg"), new byte[0]);
        assertTrue(assertThrows(ImageException.class, () -> ImageDecoder.read(empty)).getMessage().contains("empty"));

        byte[] jpeg = Files.readAllBytes(TestModels.sample("obama.jpg"));
        Path truncated = Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(jpeg, 600));
        ImageException e = assertThrows(ImageException.class, () -> ImageDecoder.read(truncated));
        assertTrue(e.getMessage().contains("corrupt") || e.getMessage().contains("decoded"), e.getMessage());

        Path text = Files.writeString(dir.resolve("notes.jpg"), "this is not an image");
        assertTrue(assertThrows(ImageException.class, () -> ImageDecoder.read(text)).getMessage().contains("not an image"));

        assertTrue(assertThrows(ImageException.class, () -> ImageDecoder.read(dir.resolve("missing.png")))
                .getMessage().contains("not found"));

        // A PNG header that claims 100000 x 100000 pixels is refused before any pixel is decoded.
        Path bomb = dir.resolve("bomb.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_3BYTE_BGR), "png", bomb.toFile());
        byte[] png = Files.readAllBytes(bomb);
        writeInt(png, 16, 100_000);
        writeInt(png, 20, 100_000);
        Files.write(bomb, png);
        assertTrue(assertThrows(ImageException.class, () -> ImageDecoder.read(bomb)).getMessage().contains("megapixels"));
    }

    @Test
    void alignmentPutsTheEyesOnTheTemplate() throws Exception {
        BgrImage img = ImageDecoder.read(TestModels.sample("obama.jpg"));
        Face f = detector.detect(img).get(0);
        float[] t = embedder.config().template();
        double[] m = FaceAligner.similarity(f.landmarks(), t);
        for (int i = 0; i < 2; i++) { // both eyes land within 3 px of the template points
            double x = m[0] * f.landmarkX(i) - m[1] * f.landmarkY(i) + m[2];
            double y = m[1] * f.landmarkX(i) + m[0] * f.landmarkY(i) + m[3];
            assertEquals(t[2 * i], x, 3);
            assertEquals(t[2 * i + 1], y, 3);
        }
    }

    private static void writeInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24); b[off + 1] = (byte) (v >>> 16); b[off + 2] = (byte) (v >>> 8); b[off + 3] = (byte) v;
    }

    private static float[] embedSample(String name) throws Exception {
        BgrImage img = ImageDecoder.read(TestModels.sample(name));
        return embedder.embed(img, detector.detect(img).get(0));
    }
}
