package com.clockface.store;

/** ACTIVE people can clock in; INACTIVE are kept but not identified; ERASED are pseudonymised husks kept for their punches. */
public enum PersonStatus { ACTIVE, INACTIVE, ERASED }
