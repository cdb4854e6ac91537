package com.clockface.checkin;

import com.clockface.vision.ModelResolver;

/** One models-only engine shared by the tests of a JVM: loading the ONNX sessions is the slow part. */
public final class TestEngine {
    private static FaceEngine engine;

    private TestEngine() {}

    public static synchronized FaceEngine modelsOnly() {
        if (engine == null) {
            try {
                engine = FaceEngine.load(ModelResolver.fromEnvironment());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return engine;
    }
}
