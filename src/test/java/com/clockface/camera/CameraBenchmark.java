package com.clockface.camera;

import com.clockface.liveness.injection.InjectionAnalyzer;
import com.clockface.vision.Frame;

import java.nio.file.Path;
import java.util.List;

/**
 * Decode speed of the recordings through {@link VideoFileSource} and the cost of the injection
 * analysis per frame. Prints figures; asserts nothing.
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.clockface.camera.CameraBenchmark</pre>
 */
public final class CameraBenchmark {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("clockface.data", "../shared/data"));
        List<String> videos = List.of("videos/live/00001.webm", "videos/live/00002.webm", "videos/replay/00001.webm", "videos/replay/00002.webm");
        for (int round = 0; round < 3; round++) {
            for (String v : videos) {
                long open0 = System.nanoTime();
                try (VideoFileSource src = new VideoFileSource(data.resolve(v))) {
                    src.open();
                    long t0 = System.nanoTime();
                    InjectionAnalyzer analyzer = new InjectionAnalyzer(src.info());
                    long decode = 0, analyse = 0;
                    int n = 0;
                    while (true) {
                        long a = System.nanoTime();
                        Frame f = src.next();
                        long b = System.nanoTime();
                        if (f == null) break;
                        decode += b - a;
                        analyzer.accept(f);
                        analyse += System.nanoTime() - b;
                        n++;
                    }
                    long r0 = System.nanoTime();
                    analyzer.report();
                    long report = System.nanoTime() - r0;
                    System.out.printf("round %d %-26s %dx%d %3d frames: open %5.1f ms, decode %5.2f ms/frame (%4.0f fps), "
                                    + "analyse %5.2f ms/frame, report %5.1f ms%n",
                            round, v, src.info().width(), src.info().height(), n, (t0 - open0) / 1e6,
                            decode / 1e6 / n, n / (decode / 1e9), analyse / 1e6 / n, report / 1e6);
                }
            }
        }
    }
}
