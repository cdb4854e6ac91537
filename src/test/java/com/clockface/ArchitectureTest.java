package com.clockface;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The layering of DESIGN.md, checked on the sources: the core runs headless, packages stay in their lane. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/com/clockface");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);

    /** Which capability packages each package may import (besides itself and the JDK/libraries). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "vision", Set.of(),
            "liveness", Set.of("vision"),
            "gallery", Set.of("vision"),
            "timeclock", Set.of(),
            "store", Set.of("timeclock"),
            "camera", Set.of("vision", "liveness"),
            "checkin", Set.of("vision", "liveness", "gallery", "store", "timeclock", "camera"),
            "eval", Set.of("vision", "liveness", "gallery", "checkin"));

    @Test
    void nothingBelowUiImportsJavaFx() throws IOException {
        List<String> offenders = sources().filter(p -> !p.startsWith(MAIN.resolve("ui")))
                .filter(p -> read(p).contains("import javafx.")).map(Path::toString).toList();
        assertEquals(List.of(), offenders);
    }

    @Test
    void capabilityPackagesOnlyUseThePackagesBelowThem() throws IOException {
        List<String> offenders = sources().flatMap(p -> {
            String pkg = MAIN.relativize(p).getName(0).toString();
            Set<String> allowed = ALLOWED.get(pkg);
            if (allowed == null) return Stream.empty(); // ui and cli may use everything
            Matcher m = IMPORT.matcher(read(p));
            Stream.Builder<String> bad = Stream.builder();
            while (m.find()) {
                String imported = m.group(1);
                if (!imported.startsWith("com.clockface.")) continue;
                String target = imported.substring("com.clockface.".length()).split("\\.")[0];
                if (!target.equals(pkg) && !allowed.contains(target)) bad.add(p.getFileName() + " imports " + imported);
            }
            return bad.build();
        }).toList();
        assertEquals(List.of(), offenders);
    }

    private static Stream<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList().stream();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
