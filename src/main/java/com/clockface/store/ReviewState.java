package com.clockface.store;

/** A check event's place in the admin review queue: NONE (nothing to review), PENDING, APPROVED, REJECTED. */
public enum ReviewState { NONE, PENDING, APPROVED, REJECTED }
