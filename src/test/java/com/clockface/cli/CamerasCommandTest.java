package com.clockface.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class CamerasCommandTest {

    static final Path DATA = Path.of(System.getProperty("clockface.data"));

    private record Run(int exit, String out, String err) { }

    private static Run cameras(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        var cl = Main.commandLine();
        CamerasCommand cmd = cl.getSubcommands().get("cameras").getCommand();
        cmd.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        cmd.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        String[] full = new String[args.length + 1];
        full[0] = "cameras";
        System.arraycopy(args, 0, full, 1, args.length);
        int exit = cl.execute(full);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listsNoCameraOnThisMachine() {
        Run r = cameras();
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("No camera found."), r.out());
        assertEquals("[ ]", cameras("--json").out().strip());
    }

    @Test
    void checkOfARecordingPrintsItsSignalsAsJson() throws Exception {
        Run r = cameras("--check", "file:" + DATA.resolve("videos/live/00002.webm"), "--seconds", "1.5", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("camera").get("testSource").asBoolean());
        assertTrue(j.get("frames").asInt() >= 10, r.out());
        assertEquals(7, j.get("signals").size());
        assertEquals("VIRTUAL_CAMERA", j.get("signals").get(0).get("signal").asText());
        assertFalse(j.get("signals").get(2).get("fired").asBoolean(), "a live recording is not frozen");
    }

    @Test
    void checkWithoutACameraSaysWhatToDo() {
        Run r = cameras("--check", "default");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("No camera was found."), r.err());
    }
}
