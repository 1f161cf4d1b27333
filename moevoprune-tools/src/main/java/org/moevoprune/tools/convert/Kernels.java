package org.moevoprune.tools.convert;

/**
 * Weight layout changes from Keras (channels last) to ONNX (channels first) and batch-norm folding. Arithmetic in
 * double, rounded to float once at the end.
 */
final class Kernels {

    private Kernels() {
    }

    /** Per-channel affine map {@code y = scale·x + shift} of an inference-mode batch normalisation. */
    static final class Affine {
        final double[] scale;
        final double[] shift;

        Affine(double[] scale, double[] shift) {
            this.scale = scale;
            this.shift = shift;
        }

        float[] scaleFloats() {
            return toFloats(scale);
        }

        float[] shiftFloats() {
            return toFloats(shift);
        }
    }

    /**
     * The affine map of Keras' {@code BatchNormalization} at inference:
     * {@code γ·(x − mean)/√(var + ε) + β}, with γ = 1 when {@code gamma} is null ({@code scale: false}) and β = 0 when
     * {@code beta} is null ({@code center: false}).
     */
    static Affine batchNorm(Weight gamma, Weight beta, Weight mean, Weight variance, double epsilon) {
        int c = mean.size();
        double[] scale = new double[c];
        double[] shift = new double[c];
        for (int i = 0; i < c; i++) {
            double g = gamma == null ? 1.0 : gamma.get(i);
            double b = beta == null ? 0.0 : beta.get(i);
            scale[i] = g / Math.sqrt((double) variance.get(i) + epsilon);
            shift[i] = b - mean.get(i) * scale[i];
        }
        return new Affine(scale, shift);
    }

    /**
     * Keras {@code Conv2D} kernel {@code [kh, kw, in, out]} to ONNX {@code [out, in, kh, kw]}, each output channel
     * multiplied by {@code scale[out]} (null for none).
     */
    static float[] convKernel(Weight kernel, double[] scale) {
        int kh = kernel.dim(0);
        int kw = kernel.dim(1);
        int in = kernel.dim(2);
        int out = kernel.dim(3);
        float[] w = new float[kernel.size()];
        for (int o = 0; o < out; o++) {
            double s = scale == null ? 1.0 : scale[o];
            for (int i = 0; i < in; i++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        float v = kernel.get(((y * kw + x) * in + i) * out + o);
                        w[((o * in + i) * kh + y) * kw + x] = scale == null ? v : (float) (v * s);
                    }
                }
            }
        }
        return w;
    }

    /**
     * Keras {@code DepthwiseConv2D} kernel {@code [kh, kw, in, multiplier]} to the ONNX grouped-convolution kernel
     * {@code [in·multiplier, 1, kh, kw]}; output channel {@code c·multiplier + m} (TensorFlow's order), scaled by
     * {@code scale[that channel]} (null for none).
     */
    static float[] depthwiseKernel(Weight kernel, double[] scale) {
        int kh = kernel.dim(0);
        int kw = kernel.dim(1);
        int in = kernel.dim(2);
        int mult = kernel.dim(3);
        float[] w = new float[kernel.size()];
        for (int c = 0; c < in; c++) {
            for (int m = 0; m < mult; m++) {
                int o = c * mult + m;
                double s = scale == null ? 1.0 : scale[o];
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        float v = kernel.get(((y * kw + x) * in + c) * mult + m);
                        w[(o * kh + y) * kw + x] = scale == null ? v : (float) (v * s);
                    }
                }
            }
        }
        return w;
    }

    /** The bias after folding: {@code scale·b + shift}, with b = 0 when {@code bias} is null. */
    static float[] foldedBias(Weight bias, Affine bn, int channels) {
        float[] out = new float[channels];
        for (int o = 0; o < channels; o++) {
            double b = bias == null ? 0.0 : bias.get(o);
            out[o] = bn == null ? (float) b : (float) (bn.scale[o] * b + bn.shift[o]);
        }
        return out;
    }

    static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
