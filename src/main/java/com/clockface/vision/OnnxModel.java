package com.clockface.vision;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * One ONNX Runtime session, created once and reused (session creation costs far more than a run).
 * ORT sessions are thread-safe for concurrent runs.
 */
public final class OnnxModel implements AutoCloseable {
    private static volatile OrtEnvironment env;

    private final String id;
    private final OrtSession session;
    private final String inputName;

    public OnnxModel(String id, Path file) {
        this(id, file, defaultThreads());
    }

    public OnnxModel(String id, Path file, int threads) {
        this.id = id;
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(threads);
            opts.setInterOpNumThreads(1);
            // ORT's pool threads otherwise spin for a while after every run: on a 2-core kiosk that burns the CPU the
            // preview and the camera need between two detections (the kiosk benchmark measured it)
            opts.addConfigEntry("session.intra_op.allow_spinning", "0");
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = environment().createSession(file.toString(), opts);
            this.inputName = session.getInputNames().iterator().next();
        } catch (OrtException e) {
            throw new IllegalStateException("Model " + id + " (" + file.getFileName() + ") cannot be loaded by ONNX Runtime: "
                    + e.getMessage(), e);
        }
    }

    /**
     * ONNX Runtime's native initialisation overflows the default 1 MB main-thread stack when the
     * class path is long (a segfault seen with the full application class path), so it runs once on
     * a thread with a generous stack; inference afterwards is fine on ordinary threads.
     */
    private static synchronized OrtEnvironment environment() {
        if (env == null) env = startEnvironment();
        return env;
    }

    private static OrtEnvironment startEnvironment() {
        OrtEnvironment[] env = new OrtEnvironment[1];
        RuntimeException[] failure = new RuntimeException[1];
        Thread t = new Thread(null, () -> {
            try {
                env[0] = OrtEnvironment.getEnvironment();
            } catch (RuntimeException | LinkageError e) {
                failure[0] = new IllegalStateException("ONNX Runtime cannot start on this machine: " + e.getMessage(), e);
            }
        }, "onnxruntime-init", 64L << 20);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting ONNX Runtime", e);
        }
        if (failure[0] != null) throw failure[0];
        return env[0];
    }

    /** Two intra-op threads suit a 2-4 core kiosk; more only adds contention with the camera and UI. */
    static int defaultThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    public String id() { return id; }

    /** Runs the model on one NCHW float input and returns every output flattened, in output order. */
    public float[][] run(float[] input, long[] shape) {
        try (OnnxTensor t = OnnxTensor.createTensor(environment(), FloatBuffer.wrap(input), shape);
             OrtSession.Result r = session.run(Map.of(inputName, t))) {
            float[][] out = new float[r.size()][];
            for (int i = 0; i < r.size(); i++) {
                OnnxTensor o = (OnnxTensor) r.get(i);
                FloatBuffer fb = o.getFloatBuffer();
                float[] a = new float[fb.remaining()];
                fb.get(a);
                out[i] = a;
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("Inference failed in model " + id + ": " + e.getMessage(), e);
        }
    }

    /** Output names in the order {@link #run} returns them. */
    public java.util.List<String> outputNames() {
        return java.util.List.copyOf(session.getOutputNames());
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing at shutdown: nothing to recover
        }
    }
}
