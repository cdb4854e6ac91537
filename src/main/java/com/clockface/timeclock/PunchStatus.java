package com.clockface.timeclock;

/** PENDING waits for an admin (REVIEW outcome, PIN punch); DELETED is a correction, kept for the audit trail. */
public enum PunchStatus { CONFIRMED, PENDING, REJECTED, DELETED }
