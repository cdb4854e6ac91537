package com.clockface.liveness.injection;

/**
 * One injection signal as measured on a session.
 *
 * @param signal    which check
 * @param value     the measured quantity (unit per {@link InjectionSignal})
 * @param threshold the value at which it fires
 * @param fired     whether the check considers the stream injected
 * @param detail    a short human sentence for logs and the review screen
 */
public record SignalResult(InjectionSignal signal, double value, double threshold, boolean fired, String detail) {}
