package com.clockface.liveness.injection;

import java.util.List;

/**
 * Result of {@link InjectionAnalyzer}: every signal with its value, and an overall injection risk in
 * [0, 1] (0 = nothing suspicious, 1 = certainly not a live camera).
 *
 * @param signals     one result per {@link InjectionSignal}, in enum order
 * @param risk        combined risk, see {@link InjectionAnalyzer#risk}
 * @param frames      number of frames analysed
 * @param measuredFps frame rate from the timestamps (0 when fewer than 2 frames)
 */
public record InjectionReport(List<SignalResult> signals, double risk, int frames, double measuredFps) {

    public SignalResult get(InjectionSignal s) {
        return signals.stream().filter(r -> r.signal() == s).findFirst().orElseThrow();
    }

    public boolean fired(InjectionSignal s) { return get(s).fired(); }

    public List<SignalResult> firedSignals() { return signals.stream().filter(SignalResult::fired).toList(); }
}
