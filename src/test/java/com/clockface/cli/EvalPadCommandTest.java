package com.clockface.cli;

import com.clockface.vision.TestModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** `clockface eval pad` on a tiny folder of real spoof/ files: NUAA live + print, self-recorded live + replay. */
class EvalPadCommandTest {

    @TempDir static Path tmp;
    static Path dir;

    @BeforeAll
    static void buildDir() throws Exception {
        dir = tmp.resolve("pad");
        copy("spoof/live", "nuaa-0001", "live", 3);
        copy("spoof/live", "apfol", "live", 3);
        copy("spoof/print", "nuaa-0001", "print", 3);
        copy("spoof/replay", "apfol", "replay", 3);
    }

    private static void copy(String folder, String subject, String to, int n) throws Exception {
        Path data = TestModels.data();
        Files.createDirectories(dir.resolve(to));
        List<Path> files;
        try (Stream<String> lines = Files.lines(data.resolve("manifest.csv"))) {
            files = lines.filter(l -> l.startsWith(folder + "/") && l.contains("," + subject + ","))
                    .map(l -> data.resolve(l.substring(0, l.indexOf(',')))).sorted().limit(n).toList();
        }
        assertEquals(n, files.size());
        for (Path f : files) Files.copy(f, dir.resolve(to).resolve(f.getFileName()));
    }

    private record Run(int exit, String out) { }

    private static Run eval(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        var cl = Main.commandLine();
        EvalPadCommand cmd = cl.getSubcommands().get("eval").getSubcommands().get("pad").getCommand();
        cmd.out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        String[] full = new String[args.length + 2];
        full[0] = "eval";
        full[1] = "pad";
        System.arraycopy(args, 0, full, 2, args.length);
        return new Run(cl.execute(full), buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsTheIsoFiguresAndWritesAReport() throws Exception {
        Path report = tmp.resolve("report.html");
        Run r = eval(dir.toString(), "--json", "--report", report.toString(), "--features", tmp.resolve("f.csv").toString(),
                "--by-source", TestModels.data().resolve("manifest.csv").toString());
        assertEquals(0, r.exit(), r.out());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(6, j.get("bona_fide").asInt());
        assertEquals(3, j.get("attacks").get("print").asInt());
        assertEquals(3, j.get("attacks").get("replay").asInt());
        for (String k : List.of("failures_to_acquire", "bpcer", "apcer", "apcer_max", "eer", "bpcer_at_apcer_0.05", "apcer_at_bpcer_0.05")) {
            assertTrue(j.has(k), "missing " + k + " in " + r.out());
        }
        assertEquals(0, j.get("failures_to_acquire").get("replay").asInt(), "padded tight crops must be detected");
        assertTrue(j.get("apcer").has("print") && j.get("apcer").has("replay"));
        double max = Math.max(j.get("apcer").get("print").asDouble(), j.get("apcer").get("replay").asDouble());
        assertEquals(max, j.get("apcer_max").asDouble(), 1e-12);
        JsonNode sources = j.get("by_source").get("sources");
        assertTrue(sources.has("nuaa") && sources.has("apfol"), sources.toString());
        double ece = j.get("calibration_error").asDouble();
        assertTrue(ece >= 0 && ece <= 1, "calibration error " + ece);
        // 3 images per subject and label do not fill a 7-frame check-in; 3-frame ones do: one per subject and label
        Run w = eval(dir.toString(), "--json", "--features", tmp.resolve("f.csv").toString(), "--window", "3",
                "--by-source", TestModels.data().resolve("manifest.csv").toString());
        JsonNode win = new ObjectMapper().readTree(w.out()).get("by_source").get("checkin_windows").get("pooled");
        assertEquals(2, win.get("bona_fide").asInt(), win.toString());
        assertEquals(1, win.get("attacks").get("print").asInt());
        assertEquals(1, win.get("attacks").get("replay").asInt());
        String html = Files.readString(report);
        assertTrue(html.contains("<svg") && html.contains("DET") && html.contains("Reliability"));
    }

    @Test
    void theFitIsDeterministic() throws Exception {
        Path a = tmp.resolve("a.json"), b = tmp.resolve("b.json");
        assertEquals(0, eval(dir.toString(), "--fit", a.toString(), "--features", tmp.resolve("g.csv").toString()).exit());
        assertEquals(0, eval(dir.toString(), "--fit", b.toString()).exit());
        assertEquals(Files.readString(a), Files.readString(b));
        JsonNode f = new ObjectMapper().readTree(a.toFile());
        assertEquals("hf_ratio", f.get("cue").asText());
        assertTrue(f.get("threshold").asDouble() > 0 && f.get("threshold").asDouble() < 1, f.toString());
        assertEquals(6, f.get("fittedOn").get("live_faces").asInt(), "fitted on the live faces only");
    }

    @Test
    void tightCropsArePaddedBlackByDefaultAndTheCacheKnowsThePadding() throws Exception {
        Path cache = tmp.resolve("pad-cache.csv");
        JsonNode black = new ObjectMapper().readTree(eval(dir.toString(), "--json", "--scorer", "plain", "--features", cache.toString()).out());
        assertTrue(black.get("padding").asText().contains("black"), black.get("padding").asText());
        JsonNode rep = new ObjectMapper().readTree(eval(dir.toString(), "--json", "--scorer", "plain", "--padding", "REPLICATE",
                "--features", cache.toString()).out());
        assertTrue(rep.get("padding").asText().contains("replication"));
        // the apfol crops are padded, so their scores (hence the replay APCER or EER) differ; a cache of black-padded
        // features must not be served for replicated padding
        assertNotEquals(black.get("per_species").get("replay").get("eer").asDouble() + black.get("apcer").get("replay").asDouble(),
                rep.get("per_species").get("replay").get("eer").asDouble() + rep.get("apcer").get("replay").asDouble());
        assertTrue(Files.readString(cache).contains(",REPLICATE,"), "the cache was rewritten for the new padding");
    }

    @Test
    void aFolderWithoutLiveImagesIsAClearError() throws Exception {
        Path bad = Files.createDirectories(tmp.resolve("bad/print"));
        Files.copy(dir.resolve("print").toFile().listFiles()[0].toPath(), bad.resolve("x.jpg"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cl = Main.commandLine();
        EvalPadCommand cmd = cl.getSubcommands().get("eval").getSubcommands().get("pad").getCommand();
        cmd.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, cl.execute("eval", "pad", tmp.resolve("bad").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no live/ folder"), err.toString(StandardCharsets.UTF_8));
    }
}
