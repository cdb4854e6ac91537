package com.clockface.vision;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ModelResolverTest {

    private static final String YUNET = "yunet-2023mar";
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) server.stop(0);
    }

    private static Path mirrorDir() {
        String m = System.getenv(ModelResolver.ENV_MIRROR);
        assertNotNull(m, "surefire sets " + ModelResolver.ENV_MIRROR);
        return Path.of(m);
    }

    private static ModelResolver.Builder isolated(Path modelDir) {
        return ModelResolver.builder().modelDir(modelDir).bundledDirs(List.of()).mirror(null)
                .attempts(3).retryDelay(Duration.ofMillis(10)).timeout(Duration.ofSeconds(5));
    }

    private static List<String> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void catalogShipsInTheJarWithTheDefaultEmbedder() throws Exception {
        List<ModelSpec> catalog = ModelResolver.loadCatalog();
        ModelResolver r = isolated(Path.of("unused")).catalog(catalog).build();
        ModelSpec emb = r.defaultModel("embedder");
        assertEquals("face-reid-0095", emb.id());
        assertTrue(emb.isOpenVinoIr());
        assertEquals(128, emb.intParam("inputSize", 0));
        assertEquals(10, emb.floatsParam("template").length);
        assertEquals(64, r.spec(YUNET).sha256().length());
        ModelException e = assertThrows(ModelException.class, () -> r.spec("nope"));
        assertTrue(e.getMessage().contains(YUNET), e.getMessage());
    }

    @Test
    void resolvesFromMirrorDirectoryIntoEmptyModelDir(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("models");
        List<Long> seen = new CopyOnWriteArrayList<>();
        ModelResolver r = isolated(dir).mirror(mirrorDir().toString())
                .progress((id, src, done, total) -> seen.add(done)).build();
        assertEquals(ModelResolver.Status.MISSING, r.check(YUNET).status());

        Path p = r.resolve(YUNET);

        assertEquals(dir.resolve("yunet-2023mar.onnx").toAbsolutePath(), p);
        assertEquals(r.spec(YUNET).sha256(), ModelResolver.sha256(p));
        assertEquals(List.of("yunet-2023mar.onnx"), listing(dir));
        assertEquals(r.spec(YUNET).bytes(), seen.get(seen.size() - 1));
        assertTrue(r.check(YUNET).ok());
        assertEquals(p, r.resolve(YUNET)); // second time: found in place
    }

    @Test
    void alteredModelIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("yunet-2023mar.onnx");
        Files.copy(mirrorDir().resolve("yunet-2023mar.onnx"), p);
        byte[] b = Files.readAllBytes(p);
        b[b.length / 2] ^= 0x01;
        Files.write(p, b);
        // a mirror with the good copy is configured: the resolver must still refuse, not silently replace
        ModelResolver r = isolated(dir).mirror(mirrorDir().toString()).build();

        ModelException e = assertThrows(ModelException.class, () -> r.resolve(YUNET));

        String m = e.getMessage();
        assertTrue(m.contains("yunet-2023mar") && m.contains("sha256"), m);
        assertTrue(m.contains("delete " + p.toAbsolutePath()), m);
        assertTrue(m.contains(ModelResolver.ENV_MIRROR), m);
        assertTrue(m.contains("re-install"), m);
        assertArrayEquals(b, Files.readAllBytes(p), "the altered file is left for inspection, untouched");
        assertEquals(ModelResolver.Status.MISMATCH, r.check(YUNET).status());
    }

    @Test
    void bundledDirectoryIsUsedWhenModelDirLacksTheFile(@TempDir Path tmp) throws Exception {
        Path bundled = tmp.resolve("app/models");
        Files.createDirectories(bundled);
        Files.copy(mirrorDir().resolve("yunet-2023mar.onnx"), bundled.resolve("yunet-2023mar.onnx"));
        ModelResolver r = isolated(tmp.resolve("work/models")).bundledDirs(List.of(bundled)).build();

        assertEquals(bundled.resolve("yunet-2023mar.onnx").toAbsolutePath(), r.resolve(YUNET));
        assertFalse(Files.exists(tmp.resolve("work/models")), "nothing fetched");
    }

    @Test
    void missingModelWithoutMirrorAndUnreachableUrlGivesClearError(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ModelSpec spec = new ModelSpec("m", "m.onnx", "detector", "00".repeat(32), -1, "x",
                "http://127.0.0.1:" + port + "/m.onnx", null, false, Map.of());
        ModelResolver r = isolated(dir).catalog(List.of(spec)).build();

        ModelException e = assertThrows(ModelException.class, () -> r.resolve("m"));

        String m = e.getMessage();
        assertTrue(m.contains("m.onnx") && m.contains("could not be fetched"), m);
        assertTrue(m.contains("127.0.0.1:" + port), m);
        assertTrue(m.contains(ModelResolver.ENV_MIRROR), m);
        assertEquals(List.of(), listing(dir), "no file and no .part left behind");
    }

    /** Serves files by name; optionally cuts the first N responses half-way; honours Range requests. */
    private final class FileServer {
        final Map<String, byte[]> files;
        final AtomicInteger cutsLeft;
        final List<String> ranges = new CopyOnWriteArrayList<>();
        final AtomicInteger requests = new AtomicInteger();

        FileServer(byte[] data, int cuts) throws IOException {
            this(Map.of("yunet-2023mar.onnx", data), cuts);
        }

        FileServer(Map<String, byte[]> files, int cuts) throws IOException {
            this.files = files;
            this.cutsLeft = new AtomicInteger(cuts);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String url(String path) { return "http://127.0.0.1:" + server.getAddress().getPort() + path; }

        void handle(HttpExchange ex) throws IOException {
            requests.incrementAndGet();
            String range = ex.getRequestHeaders().getFirst("Range");
            ranges.add(range == null ? "" : range);
            String path = ex.getRequestURI().getPath();
            byte[] data = files.get(path.substring(path.lastIndexOf('/') + 1));
            if (data == null) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            int from = 0;
            if (range != null && range.startsWith("bytes=")) {
                from = Integer.parseInt(range.substring(6, range.indexOf('-')));
                ex.getResponseHeaders().add("Content-Range",
                        "bytes " + from + "-" + (data.length - 1) + "/" + data.length);
                ex.sendResponseHeaders(206, data.length - from);
            } else {
                ex.sendResponseHeaders(200, data.length);
            }
            OutputStream out = ex.getResponseBody();
            if (cutsLeft.getAndDecrement() > 0) {
                out.write(data, from, (data.length - from) / 2);
                out.flush();
                // drop the connection mid-body, as a flaky network would
                ex.close();
                return;
            }
            out.write(data, from, data.length - from);
            out.close();
        }
    }

    @Test
    void downloadResumesWithRangeAfterADroppedConnection(@TempDir Path dir) throws Exception {
        byte[] model = Files.readAllBytes(mirrorDir().resolve("yunet-2023mar.onnx"));
        FileServer fs = new FileServer(model, 1);
        ModelSpec real = ModelResolver.loadCatalog().stream().filter(s -> s.id().equals(YUNET)).findFirst().orElseThrow();
        ModelSpec spec = new ModelSpec(real.id(), real.file(), real.role(), real.sha256(), real.bytes(), real.license(),
                fs.url("/up/yunet-2023mar.onnx"), null, false, Map.of());
        AtomicLong last = new AtomicLong();
        ModelResolver r = isolated(dir).catalog(List.of(spec)).progress((id, s, done, total) -> last.set(done)).build();

        Path p = r.resolve(YUNET);

        assertEquals(spec.sha256(), ModelResolver.sha256(p));
        assertEquals(2, fs.requests.get());
        assertEquals("", fs.ranges.get(0));
        // the second attempt resumes from what arrived (the cut may lose a few in-flight bytes, never add any)
        String range = fs.ranges.get(1);
        assertTrue(range.matches("bytes=\\d+-"), "second attempt resumes with a Range request: " + range);
        long from = Long.parseLong(range.substring(6, range.length() - 1));
        assertTrue(from > 0 && from <= model.length / 2, range);
        assertEquals(model.length, last.get());
        assertEquals(List.of("yunet-2023mar.onnx"), listing(dir));
    }

    @Test
    void httpMirrorIsUsedBeforeUpstream(@TempDir Path dir) throws Exception {
        byte[] model = Files.readAllBytes(mirrorDir().resolve("yunet-2023mar.onnx"));
        FileServer fs = new FileServer(model, 0);
        ModelResolver r = isolated(dir).mirror(fs.url("/mirror")).build();

        Path p = r.resolve(YUNET);

        assertTrue(r.check(YUNET).ok());
        assertEquals(dir.resolve("yunet-2023mar.onnx").toAbsolutePath(), p);
        assertEquals(1, fs.requests.get());
    }

    @Test
    void failedDownloadLeavesNoPartFileAndNoModel(@TempDir Path dir) throws Exception {
        byte[] model = Files.readAllBytes(mirrorDir().resolve("yunet-2023mar.onnx"));
        FileServer fs = new FileServer(model, Integer.MAX_VALUE); // every response is cut short
        ModelSpec real = ModelResolver.loadCatalog().stream().filter(s -> s.id().equals(YUNET)).findFirst().orElseThrow();
        ModelSpec spec = new ModelSpec(real.id(), real.file(), real.role(), real.sha256(), real.bytes(), real.license(),
                fs.url("/up/yunet-2023mar.onnx"), null, false, Map.of());
        ModelResolver r = isolated(dir).catalog(List.of(spec)).attempts(3).build();

        ModelException e = assertThrows(ModelException.class, () -> r.resolve(YUNET));

        assertEquals(3, fs.requests.get(), "retried");
        assertTrue(e.getMessage().contains("could not be fetched"), e.getMessage());
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void downloadWithWrongContentIsDiscarded(@TempDir Path dir) throws Exception {
        byte[] model = Files.readAllBytes(mirrorDir().resolve("yunet-2023mar.onnx"));
        model[100] ^= 0x10;
        FileServer fs = new FileServer(model, 0);
        ModelResolver r = isolated(dir).mirror(fs.url("/mirror/")).build();

        ModelException e = assertThrows(ModelException.class, () -> r.resolve(YUNET));

        assertTrue(e.getMessage().contains("discarded"), e.getMessage());
        assertTrue(e.getMessage().contains(ModelResolver.ENV_MIRROR), e.getMessage());
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void openVinoIrUpstreamIsDownloadedConvertedAndVerified(@TempDir Path dir) throws Exception {
        String base = "face-reidentification-retail-0095";
        Path ir = mirrorDir().resolve("intel-face-reid-0095");
        FileServer fs = new FileServer(Map.of(base + ".xml", Files.readAllBytes(ir.resolve(base + ".xml")),
                base + ".bin", Files.readAllBytes(ir.resolve(base + ".bin"))), 1);
        ModelSpec real = ModelResolver.loadCatalog().stream().filter(s -> s.id().equals("face-reid-0095"))
                .findFirst().orElseThrow();
        ModelSpec spec = new ModelSpec(real.id(), real.file(), real.role(), real.sha256(), real.bytes(), real.license(),
                fs.url("/omz/FP16/" + base + ".xml"), real.upstreamFormat(), true, real.params(), real.conversion());
        ModelResolver r = isolated(dir).catalog(List.of(spec)).build();

        Path p = r.resolve("face-reid-0095");

        // the converted file is byte-identical to the published one, so models.json's sha256 verifies it
        assertEquals(real.sha256(), ModelResolver.sha256(p));
        assertEquals(List.of("face-reid-0095.onnx"), listing(dir), "IR downloads and .part files cleaned up");
        assertEquals(3, fs.requests.get(), "xml cut once and resumed, then bin");
    }

    @Test
    void irConversionThatDoesNotVerifyInstallsNothing(@TempDir Path dir) throws Exception {
        String base = "face-reidentification-retail-0095";
        Path ir = mirrorDir().resolve("intel-face-reid-0095");
        byte[] bin = Files.readAllBytes(ir.resolve(base + ".bin"));
        bin[5000] ^= 0x01; // one weight altered upstream
        FileServer fs = new FileServer(Map.of(base + ".xml", Files.readAllBytes(ir.resolve(base + ".xml")),
                base + ".bin", bin), 0);
        ModelSpec real = ModelResolver.loadCatalog().stream().filter(s -> s.id().equals("face-reid-0095"))
                .findFirst().orElseThrow();
        ModelSpec spec = new ModelSpec(real.id(), real.file(), real.role(), real.sha256(), real.bytes(), real.license(),
                fs.url("/" + base + ".xml"), real.upstreamFormat(), true, real.params(), real.conversion());
        ModelResolver r = isolated(dir).catalog(List.of(spec)).build();

        ModelException e = assertThrows(ModelException.class, () -> r.resolve("face-reid-0095"));

        assertTrue(e.getMessage().contains("discarded"), e.getMessage());
        assertEquals(List.of(), listing(dir));
    }
}
