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
    void logbackXmlAloneHasNoFileAppender() throws Exception {
        // a fresh context from logback.xml, as at start-up before any home is known
        ch.qos.logback.classic.LoggerContext ctx = new ch.qos.logback.classic.LoggerContext();
        ch.qos.logback.classic.joran.JoranConfigurator jc = new ch.qos.logback.classic.joran.JoranConfigurator();
        jc.setContext(ctx);
        jc.doConfigure(LogFilesTest.class.getResource("/logback.xml"));
        java.util.List<String> appenders = new java.util.ArrayList<>();
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders()
                .forEachRemaining(a -> appenders.add(a.getClass().getSimpleName()));
        ctx.stop();
        assertEquals(java.util.List.of("ConsoleAppender"), appenders);
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
