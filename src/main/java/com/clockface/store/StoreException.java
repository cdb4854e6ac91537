package com.clockface.store;

/**
 * A storage problem, with a message a person can act on (what happened and what to do), and a
 * {@link Reason} a screen or command can branch on. Unchecked: callers above the store rarely recover
 * except by showing the message.
 */
public class StoreException extends RuntimeException {

    /** Why the store failed. */
    public enum Reason {
        /** Another program held the database lock longer than the busy timeout. */
        LOCKED,
        /** The disk (or the database's size limit) is full; nothing was written. */
        DISK_FULL,
        /** The file is not an SQLite database, or it is damaged. */
        CORRUPT,
        /** The database file or its folder cannot be written. */
        READ_ONLY,
        /** The key file is missing, unreadable or does not match the data. */
        KEY,
        /** The request clashes with stored data (duplicate employee number, unknown id...). */
        CONFLICT,
        /** Anything else: an I/O error, a bug. */
        OTHER
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
