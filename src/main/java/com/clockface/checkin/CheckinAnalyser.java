package com.clockface.checkin;

/**
 * Turns a finished capture into a result: fused liveness, identification, decision, persistence.
 * Called on the thread that feeds the session (never the UI thread).
 */
@FunctionalInterface
public interface CheckinAnalyser {
    CheckinResult analyse(SessionCapture capture);
}
