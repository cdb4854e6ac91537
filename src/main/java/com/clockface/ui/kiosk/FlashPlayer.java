package com.clockface.ui.kiosk;

import com.clockface.liveness.flash.ColourSequence;
import com.clockface.liveness.flash.FlashColour;

import java.util.function.Consumer;

/**
 * Plays the session's colour challenge on screen, pulse by pulse: the colour due now is computed from the elapsed
 * time (not by counting pulses), each change is painted once, and the pulse time of every colour that reached the
 * screen is reported back to the session. The kiosk screen and the admin's live capture use it. FX thread only.
 */
public final class FlashPlayer {
    private final Consumer<FlashColour> paint;
    private ScreenModel.FlashPlan activePlan;
    private int paintedStep = -2;

    /** @param paint shows a colour, or clears it with null */
    public FlashPlayer(Consumer<FlashColour> paint) {
        this.paint = paint;
    }

    /** Paints what {@code m} asks for at pulse time {@code now}; {@code reporter} hears each step shown. */
    public void pulse(ScreenModel m, long now, KioskScreen.PaintReporter reporter) {
        ScreenModel.FlashPlan plan = m.flash();
        if (plan != null && (activePlan == null || plan.startNanos() != activePlan.startNanos())) {
            activePlan = plan;
            paintedStep = -2;
        }
        if (activePlan == null) return;
        boolean cancelled = m.phase() != ScreenModel.Phase.FLASHING && m.phase() != ScreenModel.Phase.ANALYSING;
        ColourSequence seq = activePlan.sequence();
        int step = cancelled ? seq.size() : stepAt(seq, (now - activePlan.startNanos()) / 1_000_000L);
        if (step != paintedStep) {
            paint.accept(step >= 0 && step < seq.size() ? seq.steps().get(step).colour() : null);
            if (step >= 0 && !cancelled) reporter.colourShown(step, now);
            paintedStep = step;
        }
        if (step >= seq.size()) activePlan = null;
    }

    /** Forgets a running challenge (the capture was restarted); the next plan starts afresh. */
    public void reset() {
        activePlan = null;
        paintedStep = -2;
    }

    /** Step due {@code ms} after the start; {@code size()} once the sequence is over. */
    static int stepAt(ColourSequence seq, long ms) {
        if (ms < 0) return -1;
        if (ms >= seq.totalMillis()) return seq.size();
        int i = 0;
        while (i + 1 < seq.size() && seq.startMillis(i + 1) <= ms) i++;
        return i;
    }
}
