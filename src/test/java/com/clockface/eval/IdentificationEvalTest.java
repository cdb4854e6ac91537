package com.clockface.eval;

import com.clockface.checkin.TestEngine;
import com.clockface.gallery.SearchMode;
import com.clockface.vision.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The identification protocol on ten real webcam identities (a small, fast slice of the developer data). */
class IdentificationEvalTest {

    @Test
    void webcamIdentitiesAreRecognisedAndTheReportIsWritten(@TempDir Path dir) throws Exception {
        for (int i = 1; i <= 10; i++) {
            String id = String.format("nuaa-%04d", i);
            Files.createSymbolicLink(dir.resolve(id), TestModels.data().resolve("identities").resolve(id).toAbsolutePath());
        }
        IdentificationEval.Result r = new IdentificationEval(TestEngine.modelsOnly(), SearchMode.FAST).run(dir);
        Map<String, Object> s = r.summary();
        assertEquals(10, s.get("identities"));
        assertEquals(8, s.get("enrolled"));            // every fifth identity stays out
        assertEquals(2 * 6 + 8 * 5, s.get("probes"));  // 6 images each; enrolled ones use one to enrol
        assertEquals(0, s.get("failures_to_acquire"));
        assertTrue((Double) s.get("rank1") >= 0.95, "rank1 " + s.get("rank1"));
        for (String key : new String[] {"tar_at_far_1e-3", "tar_at_far_1e-4", "fnir_at_fpir_0.01", "eer", "threshold_at_fpir_0.01"}) {
            assertTrue(s.containsKey(key), key);
        }
        Path report = dir.resolve("report.html");
        new HtmlReport("test").summary(s).det("DET", r.scores().genuine(), r.scores().impostor()).write(report);
        assertTrue(Files.readString(report).contains("<polyline"));
    }
}
