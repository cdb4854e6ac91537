package com.clockface.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class LogFilesTest {

    @AfterEach
    void off() { LogFiles.disable(); }

    @Test
    void noFileLogUntilTheHomeIsKnown() {
        assertFalse(LogFiles.enabled());
        assertFalse(Files.exists(Path.of("clockface.log")), "nothing written to the working directory");
    }

    @Test
    void enabledLogWritesUnderTheLogsDir(@TempDir Path home) throws Exception {
        Path file = LogFiles.enable(home.resolve("logs"));
        LoggerFactory.getLogger("com.clockface.test").info("kiosk started {}", 42);
        LoggerFactory.getLogger("com.clockface.test").debug("below the level");
        LogFiles.disable(); // flushes and closes

        assertEquals(home.resolve("logs/clockface.log"), file);
        String text = Files.readString(file);
        assertTrue(text.contains("INFO") && text.contains("kiosk started 42"), text);
        assertFalse(text.contains("below the level"));
    }

    @Test
    void enablingTwiceKeepsOneAppender(@TempDir Path a, @TempDir Path b) throws Exception {
        LogFiles.enable(a);
        LogFiles.enable(b);
        LoggerFactory.getLogger("com.clockface.test").warn("only in b");
        LogFiles.disable();
        assertFalse(LogFiles.enabled());
        assertTrue(Files.readString(b.resolve("clockface.log")).contains("only in b"));
        assertFalse(Files.readString(a.resolve("clockface.log")).contains("only in b"));
    }
}
