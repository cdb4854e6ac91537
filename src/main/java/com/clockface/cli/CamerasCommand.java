package com.clockface.cli;

import com.clockface.camera.CameraDevice;
import com.clockface.camera.CameraException;
import com.clockface.camera.Cameras;
import com.clockface.camera.FrameSource;
import com.clockface.liveness.injection.InjectionAnalyzer;
import com.clockface.liveness.injection.InjectionReport;
import com.clockface.liveness.injection.SignalResult;
import com.clockface.vision.CameraInfo;
import com.clockface.vision.Frame;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code clockface cameras}: lists the cameras, and with {@code --check SPEC} captures a few seconds from
 * one and prints what the injection checks see (measured fps, virtual-camera name, frozen or looped
 * frames, noise, timing). For a technician asking "why does the kiosk flag my camera?".
 */
@Command(name = "cameras", mixinStandardHelpOptions = true,
        description = "List cameras; with --check, capture from one and print its injection signals.")
public final class CamerasCommand implements Callable<Integer> {

    @Option(names = "--check", paramLabel = "SPEC",
            description = "Camera to test: 'default', a device name, or file:PATH (video or image folder).")
    String check;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
            description = "How long to capture with --check (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if (check == null) return list();
        if (!(seconds > 0)) {
            err.println("--seconds must be positive");
            return 2;
        }
        FrameSource src;
        try {
            src = Cameras.open(check);
        } catch (CameraException e) {
            err.println(e.getMessage());
            return 2;
        }
        InjectionAnalyzer analyzer;
        CameraInfo info;
        try (src) {
            info = src.info();
            analyzer = new InjectionAnalyzer(info);
            // Seconds of the stream's own time: a recording is judged on the same span however busy the
            // machine is; the wall-clock cap only guards against a camera that stops delivering.
            long span = (long) (seconds * 1e9);
            long wallEnd = System.nanoTime() + 3 * span + 10_000_000_000L;
            Frame f;
            Long first = null;
            while (System.nanoTime() < wallEnd && (f = src.next()) != null) {
                if (first == null) first = f.timeNanos();
                if (f.timeNanos() - first > span) break;
                analyzer.accept(f);
            }
        } catch (CameraException e) {
            err.println(e.getMessage());
            return 2;
        }
        InjectionReport r = analyzer.report();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("camera", info);
            m.put("frames", r.frames());
            m.put("measuredFps", r.measuredFps());
            m.put("injectionRisk", r.risk());
            List<Map<String, Object>> signals = new ArrayList<>();
            for (SignalResult s : r.signals()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("signal", s.signal().name());
                sm.put("value", Double.isFinite(s.value()) ? s.value() : null);
                sm.put("threshold", s.threshold());
                sm.put("fired", s.fired());
                sm.put("detail", s.detail());
                signals.add(sm);
            }
            m.put("signals", signals);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            out.printf(Locale.ROOT, "%s (%s, %dx%d%s): %d frames, %.1f fps measured, injection risk %.2f%n",
                    info.name(), info.api(), info.width(), info.height(), info.testSource() ? ", test source" : "",
                    r.frames(), r.measuredFps(), r.risk());
            for (SignalResult s : r.signals()) {
                out.printf(Locale.ROOT, "  %-17s %-5s %s%n", s.signal(), s.fired() ? "FIRED" : "ok", s.detail());
            }
        }
        return 0;
    }

    private int list() throws Exception {
        List<CameraDevice> devices = Cameras.devices();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(devices));
        } else if (devices.isEmpty()) {
            out.println("No camera found. Connect a webcam, or use --camera file:VIDEO with the kiosk.");
        } else {
            for (CameraDevice d : devices) out.println(d.name() + "  [" + d.id() + ", " + d.backend() + "]");
        }
        return 0;
    }
}
