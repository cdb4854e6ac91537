package com.clockface.store;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns on the rotated log file once the data directory is known (call with {@code AppHome.logs()} from
 * the kiosk and from commands that take --home). The rolling policy lives in logback-file.xml.
 */
public final class LogFiles {

    static final String APPENDER = "FILE";

    private LogFiles() { }

    /** Adds the rolling file appender writing to {@code logsDir}/clockface.log; idempotent. */
    public static synchronized Path enable(Path logsDir) throws IOException {
        Path dir = logsDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return dir.resolve("clockface.log"); // another SLF4J backend: its own configuration rules
        }
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) != null) disable();
        ctx.putProperty("CLOCKFACE_LOG_DIR", dir.toString());
        try (InputStream in = LogFiles.class.getResourceAsStream("/logback-file.xml")) {
            if (in == null) throw new IOException("logback-file.xml is missing from the application");
            JoranConfigurator jc = new JoranConfigurator();
            jc.setContext(ctx); // no reset: the console appender of logback.xml stays
            jc.doConfigure(in);
        } catch (JoranException e) {
            throw new IOException("cannot configure the log file in " + dir + ": " + e.getMessage(), e);
        }
        return dir.resolve("clockface.log");
    }

    /** Removes and closes the file appender (tests; switching homes). */
    public static synchronized void disable() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) return;
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<?> a = root.getAppender(APPENDER);
        if (a != null) {
            root.detachAppender(APPENDER);
            a.stop();
        }
    }

    /** Whether a log file is being written. */
    public static boolean enabled() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx
                && ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(APPENDER) != null;
    }
}
