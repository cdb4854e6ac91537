package com.clockface.timeclock;

public enum PunchKind { IN, OUT }
