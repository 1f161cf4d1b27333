package org.moevoprune.tools.convert;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/** Runs a converted model once through ONNX Runtime on one NHWC image, for tests. */
final class OnnxRun {

    /** One output: values row-major and the shape. */
    record Output(float[] values, long[] shape) {
    }

    private OnnxRun() {
    }

    static Map<String, Output> run(ConvertedModel model, KerasReference.Nhwc image) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model.bytes(), options);
                 OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(image.data),
                         new long[] {1, image.h, image.w, image.c});
                 OrtSession.Result result = session.run(Map.of(model.inputName(), input))) {
                Map<String, Output> out = new HashMap<>();
                for (Map.Entry<String, ai.onnxruntime.OnnxValue> e : result) {
                    OnnxTensor t = (OnnxTensor) e.getValue();
                    FloatBuffer b = t.getFloatBuffer();
                    float[] v = new float[b.remaining()];
                    b.get(v);
                    out.put(e.getKey(), new Output(v, t.getInfo().getShape()));
                }
                return out;
            }
        }
    }

    /** The NCHW activations output of one image as channels-last values, to compare with the reference. */
    static float[] activationsNhwc(Output nchw) {
        int c = (int) nchw.shape()[1];
        int h = (int) nchw.shape()[2];
        int w = (int) nchw.shape()[3];
        float[] out = new float[c * h * w];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[(y * w + x) * c + ch] = nchw.values()[(ch * h + y) * w + x];
                }
            }
        }
        return out;
    }

    /** A deterministic pseudo-random NHWC image with values in [-1, 1). */
    static KerasReference.Nhwc image(int h, int w, int c, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] v = new float[h * w * c];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * r.nextDouble() - 1);
        }
        return new KerasReference.Nhwc(h, w, c, v);
    }
}
