package com.clockface.cli;

import com.clockface.vision.ModelResolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DoctorCommandTest {

    private static final List<String> REQUIRED =
            List.of("yunet-2023mar.onnx", "minifasnet-v2-80.onnx", "minifasnet-v1se-80.onnx", "face-reid-0095.onnx");

    private record Run(int exit, String out) { }

    private static Run doctor(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        var cl = Main.commandLine();
        DoctorCommand cmd = cl.getSubcommands().get("doctor").getCommand();
        cmd.out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        String[] full = new String[args.length + 1];
        full[0] = "doctor";
        System.arraycopy(args, 0, full, 1, args.length);
        int exit = cl.execute(full);
        return new Run(exit, buf.toString(StandardCharsets.UTF_8));
    }

    private static Path modelsWithRequired(Path dir) throws Exception {
        Path mirror = Path.of(System.getenv(ModelResolver.ENV_MIRROR));
        Files.createDirectories(dir);
        for (String f : REQUIRED) Files.copy(mirror.resolve(f), dir.resolve(f));
        return dir;
    }

    private static JsonNode check(JsonNode report, String name) {
        for (JsonNode c : report.get("checks")) if (c.get("name").asText().equals(name)) return c;
        return fail("no check " + name + " in " + report);
    }

    @Test
    void healthyInstallPassesAndReportsEverything(@TempDir Path tmp) throws Exception {
        Path models = modelsWithRequired(tmp.resolve("models"));
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("clockface.db"));
             Statement s = c.createStatement()) {
            s.execute("create table t(x)");
        }

        Run r = doctor("--json", "--models", models.toString(), "--home", home.toString());

        assertEquals(0, r.exit(), r.out());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("ok").asBoolean());
        assertEquals("1.29.0", j.at("/versions/onnxruntime").asText());
        assertTrue(j.at("/versions/java").asText().startsWith("17"), j.at("/versions/java").asText());
        assertEquals("PASS", check(j, "model face-reid-0095").get("status").asText());
        assertEquals("WARN", check(j, "model faceplugin-pose-224").get("status").asText(), "optional model");
        String sha = ModelResolver.sha256(models.resolve("yunet-2023mar.onnx"));
        boolean listed = false;
        for (JsonNode m : j.get("models")) {
            if (m.get("id").asText().equals("yunet-2023mar")) {
                assertEquals(sha, m.get("sha256").asText());
                assertEquals("VERIFIED", m.get("status").asText());
                listed = true;
            }
        }
        assertTrue(listed);
        assertEquals("PASS", check(j, "database").get("status").asText());
        assertTrue(j.at("/data/databaseBytes").asLong() > 0);
        assertTrue(j.at("/data/freeBytes").asLong() > 0);
        assertTrue(check(j, "cameras").get("status").asText().matches("PASS|WARN"));
    }

    @Test
    void alteredModelFailsWithExitCodeOne(@TempDir Path tmp) throws Exception {
        Path models = modelsWithRequired(tmp.resolve("models"));
        Path f = models.resolve("minifasnet-v2-80.onnx");
        byte[] b = Files.readAllBytes(f);
        b[1234] ^= 0x40;
        Files.write(f, b);

        Run r = doctor("--models", models.toString(), "--home", tmp.resolve("home").toString());

        assertEquals(1, r.exit());
        assertTrue(r.out().contains("FAIL  model minifasnet-v2-80"), r.out());
        assertTrue(r.out().contains("altered"), r.out());
        assertTrue(r.out().contains("WARN  database"), "no database yet is only a warning: " + r.out());
    }

    @Test
    void missingRequiredModelFails(@TempDir Path tmp) throws Exception {
        Path models = modelsWithRequired(tmp.resolve("models"));
        Files.delete(models.resolve("face-reid-0095.onnx"));

        Run r = doctor("--json", "--models", models.toString(), "--home", tmp.resolve("home").toString());

        assertEquals(1, r.exit());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertFalse(j.get("ok").asBoolean());
        assertEquals("FAIL", check(j, "model face-reid-0095").get("status").asText());
    }
}
