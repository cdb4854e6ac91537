package com.clockface.store;

import com.clockface.store.StoreException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQLite database of one data directory.
 *
 * <p>Every connection runs with WAL, {@code foreign_keys=ON}, a busy timeout and
 * {@code synchronous=FULL}: when a write transaction returns, the data is on disk (a punch the screen
 * confirms must survive a power cut). Write transactions start IMMEDIATE, so two writers queue on
 * the busy timeout instead of failing half-way.
 *
 * <p>Migrations: Flyway 11 core supports SQLite out of the box, so the versioned scripts in
 * {@code src/main/resources/db/migration/V<n>__name.sql} run through Flyway on every open (a no-op
 * when up to date).
 *
 * <p>A connection is opened per unit of work ({@link #read}, {@link #write}); SQLite opens are cheap
 * and this keeps the kiosk thread, the admin screen and a CLI process independent.
 */
public final class Database implements AutoCloseable {

    /** Settings key of a small value encrypted with the data key, to detect a wrong key at start. */
    static final String KEY_CHECK = "crypto.key_check";
    private static final String KEY_CHECK_PURPOSE = "key-check";
    private static final byte[] KEY_CHECK_PLAIN = "clockface".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** How long a statement waits for another program's lock before giving up. */
    public static final int DEFAULT_BUSY_TIMEOUT_MS = 5000;

    /** Options of {@link #open(AppHome, Options)}. */
    public record Options(int busyTimeoutMs, Clock clock, int maxPageCount) {
        public static Options defaults() { return new Options(DEFAULT_BUSY_TIMEOUT_MS, Clock.systemUTC(), 0); }

        public Options withBusyTimeoutMs(int ms) { return new Options(ms, clock, maxPageCount); }

        public Options withClock(Clock c) { return new Options(busyTimeoutMs, c, maxPageCount); }

        /** Caps the database size (SQLite max_page_count, pages of 4 KiB); 0 = no cap. Writes beyond fail as DISK_FULL. */
        public Options withMaxPageCount(int pages) { return new Options(busyTimeoutMs, clock, pages); }
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    // Flyway logs every open at INFO through java.util.logging; only its warnings matter to a user.
    // Held in a field because JUL keeps loggers weakly and would forget the level.
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final Path file;
    private final SQLiteDataSource dataSource;
    private final Options options;
    private Crypto crypto;

    private Database(Path file, Options options) {
        this.file = file;
        this.options = options;
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(options.busyTimeoutMs());
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        if (options.maxPageCount() > 0) cfg.setMaxPageCount(options.maxPageCount());
        this.dataSource = new SQLiteDataSource(cfg);
        dataSource.setUrl("jdbc:sqlite:" + file);
    }

    /** Opens (creating if needed) the database of {@code home} with default options. */
    public static Database open(AppHome home) {
        return open(home, Options.defaults());
    }

    /**
     * Creates the data folders, opens the database, runs pending migrations and loads the key
     * (creating it on the very first run).
     *
     * @throws StoreException with a sentence that says what to do: LOCKED, DISK_FULL, CORRUPT,
     *                        READ_ONLY, or KEY (key file missing while encrypted data exists, wrong key)
     */
    public static Database open(AppHome home, Options options) {
        home.ensureDirs();
        Database db = new Database(home.database(), options);
        db.migrate();
        db.crypto = db.loadKey(home.keyFile());
        return db;
    }

    private void migrate() {
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load();
            flyway.migrate();
            // An older ClockFace must not write into a schema it does not know (Flyway only warns).
            for (MigrationInfo m : flyway.info().all()) {
                if (m.getState() == MigrationState.FUTURE_SUCCESS) {
                    throw new StoreException(Reason.CONFLICT, "The database " + file + " was last used by a newer "
                            + "ClockFace (schema version " + m.getVersion() + "). Install that version or a newer one; "
                            + "this one would not understand the data.");
                }
            }
        } catch (FlywayException e) {
            SQLException sql = findSql(e);
            if (sql != null) throw translate(sql, "preparing the database");
            throw new StoreException(Reason.OTHER, "The database " + file + " could not be brought up to date: "
                    + e.getMessage() + " Restore a backup made by this ClockFace version, or report this problem.", e);
        }
    }

    private Crypto loadKey(Path keyFile) {
        String check = read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                ps.setString(1, KEY_CHECK);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        boolean hasEncrypted = check != null || read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM template) "
                         + "OR EXISTS (SELECT 1 FROM check_event WHERE evidence IS NOT NULL)")) {
                return rs.next() && rs.getInt(1) == 1;
            }
        });
        Crypto key;
        if (Files.exists(keyFile)) {
            key = KeyFile.load(keyFile);
        } else if (hasEncrypted) {
            throw new StoreException(Reason.KEY, "The key file " + keyFile + " is missing, but the database " + file
                    + " holds encrypted face data that only that key can read. Restore the key file from your backup "
                    + "(or set " + AppHome.ENV_KEY_FILE + " to where it is). ClockFace will not start with a new key, "
                    + "because the enrolled faces would be lost.");
        } else {
            key = KeyFile.create(keyFile);
        }
        if (check != null) {
            key.decrypt(java.util.Base64.getDecoder().decode(check), KEY_CHECK_PURPOSE); // throws KEY if wrong
        } else {
            String value = java.util.Base64.getEncoder().encodeToString(key.encrypt(KEY_CHECK_PLAIN, KEY_CHECK_PURPOSE));
            write("recording the key check", c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)")) {
                    ps.setString(1, KEY_CHECK);
                    ps.setString(2, value);
                    return ps.executeUpdate();
                }
            });
        }
        return key;
    }

    public Path file() { return file; }

    /** The data key; repositories use it to encrypt templates and evidence. */
    public Crypto crypto() { return crypto; }

    public Clock clock() { return options.clock(); }

    public Instant now() { return options.clock().instant(); }

    /** A new configured connection (caller closes it). */
    public Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw translate(e, "opening the database");
        }
    }

    /** Runs read-only work on its own connection in auto-commit mode. */
    public <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e, "reading the database");
        }
    }

    /**
     * Runs {@code work} in one IMMEDIATE transaction and commits it; with synchronous=FULL the data
     * is on disk when this returns. Rolls back on any exception.
     *
     * @param what what is being saved, for the error message ("saving the punch")
     */
    public <T> T write(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e, what);
        }
    }

    /**
     * Writes a consistent copy of the whole database to {@code target} (SQLite {@code VACUUM INTO}),
     * safe while the kiosk runs. The copy is encrypted the same way; back up the key file separately.
     *
     * @throws StoreException CONFLICT if {@code target} exists already
     */
    public void backupTo(Path target) {
        if (Files.exists(target)) {
            throw new StoreException(Reason.CONFLICT, "The backup file " + target + " exists already; choose a new name.");
        }
        read(c -> {
            try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, target.toAbsolutePath().toString());
                ps.execute();
            }
            return null;
        });
    }

    /** The highest applied migration version (e.g. "1"). */
    public String schemaVersion() {
        return read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 "
                         + "AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    /**
     * Turns an SQLite error into a {@link StoreException} whose message says what happened and what
     * to do. Constraint violations become CONFLICT with the driver's text; callers that expect one
     * (a duplicate employee number) should catch it earlier and say it better.
     */
    public StoreException translate(SQLException e, String doing) {
        int code = primaryCode(e);
        switch (code) {
            case 5: // SQLITE_BUSY
            case 6: // SQLITE_LOCKED
                return new StoreException(Reason.LOCKED, "The database " + file + " is locked by another program "
                        + "(another ClockFace window, a backup or a database tool) and stayed locked for "
                        + options.busyTimeoutMs() / 1000.0 + " s while " + doing + ". Close the other program and "
                        + "try again.", e);
            case 13: // SQLITE_FULL
                return new StoreException(Reason.DISK_FULL, "The disk holding " + file + " is full, so nothing was "
                        + "saved while " + doing + ". Free space on that disk (or move the data folder with --home) "
                        + "and try again.", e);
            case 26: // SQLITE_NOTADB
            case 11: // SQLITE_CORRUPT
                return new StoreException(Reason.CORRUPT, "The file " + file + " is not a ClockFace database or it "
                        + "is damaged. Restore it from a backup, or move it away to start with an empty database.", e);
            case 8:  // SQLITE_READONLY
            case 14: // SQLITE_CANTOPEN
            case 23: // SQLITE_AUTH
                return new StoreException(Reason.READ_ONLY, "ClockFace cannot write to " + file + " (the file or "
                        + "its folder is read-only or not accessible) while " + doing + ". Fix the permissions or "
                        + "choose a writable data folder with --home DIR or " + AppHome.ENV_HOME + ".", e);
            case 19: // SQLITE_CONSTRAINT
                return new StoreException(Reason.CONFLICT, "The change was refused by the database while " + doing
                        + ": " + e.getMessage(), e);
            case 10: // SQLITE_IOERR
                return new StoreException(Reason.OTHER, "The disk reported an input/output error on " + file
                        + " while " + doing + ". Check the disk (and free space), then try again.", e);
            default:
                return new StoreException(Reason.OTHER, "A database error happened while " + doing + " ("
                        + e.getMessage() + ").", e);
        }
    }

    private static int primaryCode(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException se) {
                SQLiteErrorCode rc = se.getResultCode();
                if (rc != null && rc != SQLiteErrorCode.UNKNOWN_ERROR) return rc.code & 0xff;
            }
            if (t instanceof SQLException sq && sq.getErrorCode() != 0) return sq.getErrorCode() & 0xff;
        }
        return -1;
    }

    private static SQLException findSql(Throwable t) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) return s;
        }
        return null;
    }

    /** Nothing is held open between calls; present so callers can use try-with-resources. */
    @Override
    public void close() { }

    @Override
    public String toString() { return "Database[" + file + "]"; }
}
