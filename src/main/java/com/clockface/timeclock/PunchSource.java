package com.clockface.timeclock;

/** How a punch came to be: a face check-in, the PIN fallback, or an admin's manual correction. */
public enum PunchSource { FACE, PIN, MANUAL }
