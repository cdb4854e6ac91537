package com.clockface.vision.ir;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.clockface.vision.BgrImage;
import com.clockface.vision.ModelResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class OpenVinoIrConverterTest {

    private static final String IR = "intel-face-reid-0095/face-reidentification-retail-0095";
    private static Path mirror;
    private static OrtEnvironment env;
    private static OrtSession converted;
    private static OrtSession reference;
    private static byte[] convertedBytes;

    @BeforeAll
    static void convertOnce() throws Exception {
        mirror = Path.of(System.getenv(ModelResolver.ENV_MIRROR));
        convertedBytes = OpenVinoIrConverter.toOnnx(Files.readAllBytes(mirror.resolve(IR + ".xml")),
                Files.readAllBytes(mirror.resolve(IR + ".bin")), OpenVinoIrConverter.Options.of(
                ModelResolver.loadCatalog().stream().filter(s -> s.id().equals("face-reid-0095")).findFirst()
                        .orElseThrow().conversion(), "unused"));
        env = OrtEnvironment.getEnvironment();
        converted = env.createSession(convertedBytes, new OrtSession.SessionOptions());
        reference = env.createSession(mirror.resolve("face-reid-0095.onnx").toString(), new OrtSession.SessionOptions());
    }

    @AfterAll
    static void close() throws Exception {
        if (converted != null) converted.close();
        if (reference != null) reference.close();
    }

    private static float[] embed(OrtSession s, float[] chw) throws Exception {
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(chw), new long[] {1, 3, 128, 128});
             OrtSession.Result r = s.run(Map.of("input", t))) {
            float[] e = ((OnnxTensor) r.get("embedding").orElseThrow()).getFloatBuffer().array();
            double n = 0;
            for (float v : e) n += v * v;
            n = Math.sqrt(n);
            float[] out = new float[e.length];
            for (int i = 0; i < e.length; i++) out[i] = (float) (e[i] / n);
            return out;
        }
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    @Test
    void convertedModelHasTheReferenceInterface() {
        assertEquals(java.util.Set.of("input"), converted.getInputNames());
        assertEquals(java.util.Set.of("embedding"), converted.getOutputNames());
    }

    @Test
    void randomInputsGiveTheReferenceEmbedding() throws Exception {
        Random rnd = new Random(42);
        double worst = 0;
        for (int k = 0; k < 3; k++) {
            float[] x = new float[3 * 128 * 128];
            for (int i = 0; i < x.length; i++) x[i] = rnd.nextInt(256);
            float[] a = embed(converted, x);
            float[] b = embed(reference, x);
            assertEquals(256, a.length);
            worst = Math.max(worst, maxAbsDiff(a, b));
        }
        System.out.println("IR->ONNX random inputs: max |diff| of L2-normalised embeddings = " + worst);
        assertTrue(worst < 1e-6, "max diff " + worst);
    }

    @Test
    void realFaceGivesTheReferenceEmbedding() throws Exception {
        BgrImage img = BgrImage.fromBufferedImage(ImageIO.read(mirror.resolve("samples/obama.jpg").toFile()))
                .resize(128, 128);
        float[] x = new float[3 * 128 * 128];
        byte[] d = img.data();
        for (int y = 0; y < 128; y++) {
            for (int xx = 0; xx < 128; xx++) {
                for (int c = 0; c < 3; c++) x[c * 128 * 128 + y * 128 + xx] = d[(y * 128 + xx) * 3 + c] & 0xFF;
            }
        }
        float[] a = embed(converted, x);
        float[] b = embed(reference, x);
        double diff = maxAbsDiff(a, b);
        System.out.println("IR->ONNX face crop: max |diff| of L2-normalised embeddings = " + diff);
        assertTrue(diff < 1e-6, "max diff " + diff);
        double dot = 0;
        for (int i = 0; i < a.length; i++) dot += a[i] * b[i];
        assertEquals(1.0, dot, 1e-6);
    }

    @Test
    void referenceOptionsReproduceThePublishedFileByteForByte() throws Exception {
        // the resolver relies on this: a model converted from upstream verifies against models.json's sha256
        String expected = ModelResolver.loadCatalog().stream().filter(s -> s.id().equals("face-reid-0095"))
                .findFirst().orElseThrow().sha256();
        Path tmp = Files.createTempFile("reid", ".onnx");
        try {
            Files.write(tmp, convertedBytes);
            assertEquals(expected, ModelResolver.sha256(tmp));
        } finally {
            Files.delete(tmp);
        }
    }

    @Test
    void fp16WideningIsExact() {
        assertEquals(1.0f, OpenVinoIrConverter.halfToFloat((short) 0x3C00));
        assertEquals(-2.0f, OpenVinoIrConverter.halfToFloat((short) 0xC000));
        assertEquals(65504f, OpenVinoIrConverter.halfToFloat((short) 0x7BFF));
        assertEquals(0x1p-24f, OpenVinoIrConverter.halfToFloat((short) 0x0001));     // smallest subnormal
        assertEquals(Float.NEGATIVE_INFINITY, OpenVinoIrConverter.halfToFloat((short) 0xFC00));
        assertTrue(Float.isNaN(OpenVinoIrConverter.halfToFloat((short) 0x7E00)));
        assertEquals(-0.0f, OpenVinoIrConverter.halfToFloat((short) 0x8000));
    }

    @Test
    void unsupportedLayerIsRefusedByName(@TempDir Path dir) throws Exception {
        String xml = Files.readString(mirror.resolve(IR + ".xml"), StandardCharsets.UTF_8)
                .replaceFirst("type=\"Sigmoid\"", "type=\"HSwish\"");
        IOException e = assertThrows(IOException.class, () -> OpenVinoIrConverter.toOnnx(
                xml.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(mirror.resolve(IR + ".bin")),
                OpenVinoIrConverter.Options.defaults("g")));
        assertTrue(e.getMessage().contains("HSwish") && e.getMessage().contains("does not handle"), e.getMessage());
    }

    @Test
    void truncatedBinIsRefused() throws Exception {
        byte[] bin = Files.readAllBytes(mirror.resolve(IR + ".bin"));
        IOException e = assertThrows(IOException.class, () -> OpenVinoIrConverter.toOnnx(
                Files.readAllBytes(mirror.resolve(IR + ".xml")), java.util.Arrays.copyOf(bin, bin.length / 2),
                OpenVinoIrConverter.Options.defaults("g")));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}
