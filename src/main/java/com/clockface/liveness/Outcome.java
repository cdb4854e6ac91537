package com.clockface.liveness;

/**
 * SUCCESS: score at or above the pass threshold; REVIEW: between review and pass; FAIL: below review;
 * ERROR: no result (no usable face, corrupt input) — its score is 0 and means "inconclusive", never "fake".
 */
public enum Outcome { SUCCESS, REVIEW, FAIL, ERROR }
