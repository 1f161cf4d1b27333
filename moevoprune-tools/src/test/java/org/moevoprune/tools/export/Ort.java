package org.moevoprune.tools.export;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/** Runs an exported model in ONNX Runtime and returns its outputs as float or long arrays. */
final class Ort {

    /** The outputs of one run. */
    record Outputs(Map<String, float[]> floats, Map<String, long[]> longs, Map<String, String> metadata) {
    }

    private Ort() {
    }

    static Outputs run(byte[] model, String input, float[] values, long... shape) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model, options);
                 OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
                 OrtSession.Result result = session.run(Map.of(input, tensor))) {
                Map<String, float[]> floats = new HashMap<>();
                Map<String, long[]> longs = new HashMap<>();
                for (Map.Entry<String, OnnxValue> e : result) {
                    OnnxTensor t = (OnnxTensor) e.getValue();
                    if (t.getInfo().type == ai.onnxruntime.OnnxJavaType.INT64) {
                        LongBuffer b = t.getLongBuffer();
                        long[] v = new long[b.remaining()];
                        b.get(v);
                        longs.put(e.getKey(), v);
                    } else {
                        FloatBuffer b = t.getFloatBuffer();
                        float[] v = new float[b.remaining()];
                        b.get(v);
                        floats.put(e.getKey(), v);
                    }
                }
                return new Outputs(floats, longs, session.getMetadata().getCustomMetadata());
            }
        }
    }
}
