package com.clockface.store;

import java.util.Locale;

/** Where a template came from: a live capture at the kiosk, a trusted photo upload, or a bulk import. */
public enum TemplateSource {
    LIVE, UPLOAD, IMPORT;

    /** The value stored in the database ({@code live}, {@code upload}, {@code import}). */
    public String dbValue() { return name().toLowerCase(Locale.ROOT); }

    public static TemplateSource fromDb(String s) { return valueOf(s.toUpperCase(Locale.ROOT)); }
}
