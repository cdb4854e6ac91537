package com.clockface.cli;

import com.clockface.checkin.FaceEngine;
import com.clockface.eval.HtmlReport;
import com.clockface.eval.IdentificationEval;
import com.clockface.gallery.SearchMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "identify", mixinStandardHelpOptions = true,
        description = "1:N identification accuracy. DIR holds one sub-folder per identity: the first image (by file name) "
                + "of each enrols, the rest probe; every fifth identity (sorted) stays un-enrolled as non-mated probes.")
public final class EvalIdentifyCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Parameters(paramLabel = "DIR") Path dir;
    @Option(names = "--mode", defaultValue = "FAST", description = "FAST or ACCURATE. Default: ${DEFAULT-VALUE}.") SearchMode mode;
    @Option(names = "--report", paramLabel = "FILE", description = "Write an HTML report (histograms, DET curve).") Path report;

    @Override
    public Integer call() throws Exception {
        try (FaceEngine engine = common.loadModels()) {
            IdentificationEval.Result r = new IdentificationEval(engine, mode).run(dir);
            Map<String, Object> s = r.summary();
            if (report != null) {
                new HtmlReport("ClockFace identification: " + dir.getFileName())
                        .summary(s)
                        .histogram("Probe-to-person scores", "same person", r.scores().genuine(), "different people", r.scores().impostor(), -0.4, 1)
                        .histogram("Top score per probe (open set)", "mated", r.scores().matedTop(), "non-mated", r.scores().nonMatedTop(), -0.4, 1)
                        .det("DET curve (1:1 pairs)", r.scores().genuine(), r.scores().impostor())
                        .write(report);
            }
            common.print(s, String.format("identities %s, probes %s, FTA %s%nrank-1 %.4f, TAR@FAR1e-3 %.4f, TAR@FAR1e-4 %.4f, FNIR@FPIR1%% %.4f, EER %.4f%nthreshold at FPIR 1%%: %.3f",
                    s.get("identities"), s.get("probes"), s.get("failures_to_acquire"), s.get("rank1"), s.get("tar_at_far_1e-3"),
                    s.get("tar_at_far_1e-4"), s.get("fnir_at_fpir_0.01"), s.get("eer"), s.get("threshold_at_fpir_0.01")));
            return 0;
        }
    }
}
