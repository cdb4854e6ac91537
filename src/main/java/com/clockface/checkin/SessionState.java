package com.clockface.checkin;

/**
 * IDLE: nobody in front of the kiosk. SEARCHING: a session runs but there is no single usable face.
 * ALIGNING: one face, guided into the oval. FLASHING: the challenge runs (colours, or in EXPRESS mode a
 * short capture without colours). ANALYSING: last frames after the flash, then fusion, identification and
 * the punch. RESULT: the verdict is shown for a while, then IDLE again.
 */
public enum SessionState { IDLE, SEARCHING, ALIGNING, FLASHING, ANALYSING, RESULT }
