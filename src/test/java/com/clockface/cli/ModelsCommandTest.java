package com.clockface.cli;

import com.clockface.vision.ModelResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ModelsCommandTest {

    private static int run(ByteArrayOutputStream err, String... args) {
        var cl = Main.commandLine();
        ModelsCommand.Fetch fetch = cl.getSubcommands().get("models").getSubcommands().get("fetch").getCommand();
        fetch.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return cl.execute(args);
    }

    @Test
    void fetchCopiesVerifiedModelsForTheInstaller(@TempDir Path to) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = run(err, "models", "fetch", "--id", "yunet-2023mar", "--id", "minifasnet-v2-80", "--to", to.toString());

        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        try (Stream<Path> s = Files.list(to)) {
            assertEquals(2, s.count(), "two models and no .part files");
        }
        var spec = ModelResolver.loadCatalog().stream().filter(m -> m.id().equals("minifasnet-v2-80")).findFirst().orElseThrow();
        assertEquals(spec.sha256(), ModelResolver.sha256(to.resolve("minifasnet-v2-80.onnx")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("verified minifasnet-v2-80"));
    }

    @Test
    void unknownModelIdIsAnErrorNotATrace(@TempDir Path to) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = run(err, "models", "fetch", "--id", "no-such-model", "--to", to.toString());

        assertEquals(1, exit);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("Unknown model id 'no-such-model'") && e.contains("yunet-2023mar"), e);
    }
}
