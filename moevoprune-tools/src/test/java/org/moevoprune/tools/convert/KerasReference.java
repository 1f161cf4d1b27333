package org.moevoprune.tools.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent, deliberately plain forward pass of a Keras model straight from its configuration and weights:
 * channels-last (NHWC) like Keras, one image, double accumulation, batch norm applied as Keras writes it
 * ({@code γ·(x − mean)/√(var + ε) + β}, nothing folded), {@code 'same'} padding computed per input size by
 * TensorFlow's rule. It shares no code with the converter except the model reader, so agreement between the two is
 * evidence that the conversion is right. Slow (scalar loops) but fine for one image.
 */
final class KerasReference {

    /** A channels-last image tensor, or a vector when {@code h = w = 0}. */
    static final class Nhwc {
        final int h;
        final int w;
        final int c;
        final float[] data;

        Nhwc(int h, int w, int c) {
            this(h, w, c, new float[Math.max(1, h) * Math.max(1, w) * c]);
        }

        Nhwc(int h, int w, int c, float[] data) {
            this.h = h;
            this.w = w;
            this.c = c;
            this.data = data;
        }

        boolean vector() {
            return h == 0;
        }

        float at(int y, int x, int ch) {
            return data[(y * w + x) * c + ch];
        }
    }

    private final KerasModel model;

    KerasReference(KerasModel model) {
        this.model = model;
    }

    /** Runs the model on one NHWC image and returns the outputs of every layer, by layer name. */
    Map<String, Nhwc> run(Nhwc image) {
        return run(image, null);
    }

    /** Like {@link #run(Nhwc)} but stops after layer {@code last} (null: run all). */
    Map<String, Nhwc> run(Nhwc image, String last) {
        Map<String, Nhwc> out = new HashMap<>();
        for (KerasLayer layer : model.layers()) {
            List<Nhwc> in = new ArrayList<>();
            for (String name : layer.inputs()) {
                in.add(out.get(name));
            }
            out.put(layer.name(), layer.className().equals("InputLayer") ? image : apply(layer, in));
            if (layer.name().equals(last)) {
                break;
            }
        }
        return out;
    }

    /** The global average of an image tensor, per channel. */
    static float[] globalAverage(Nhwc t) {
        float[] out = new float[t.c];
        for (int ch = 0; ch < t.c; ch++) {
            double sum = 0;
            for (int i = 0; i < t.h * t.w; i++) {
                sum += t.data[i * t.c + ch];
            }
            out[ch] = (float) (sum / (t.h * t.w));
        }
        return out;
    }

    private Nhwc apply(KerasLayer layer, List<Nhwc> in) {
        Map<String, Object> c = layer.config();
        Nhwc x = in.isEmpty() ? null : in.get(0);
        Nhwc y = switch (layer.className()) {
            case "Conv2D" -> conv(layer, x, false);
            case "DepthwiseConv2D" -> conv(layer, x, true);
            case "BatchNormalization" -> batchNorm(layer, x);
            case "ReLU" -> map(x, v -> Math.min(Math.max(v, 0), c.get("max_value") == null ? Double.MAX_VALUE
                    : ((Number) c.get("max_value")).doubleValue()));
            case "Activation" -> activation((String) c.get("activation"), x);
            case "ZeroPadding2D" -> zeroPad(layer, x);
            case "Add" -> add(in);
            case "Concatenate" -> concat(in);
            case "MaxPooling2D", "AveragePooling2D" -> pool(layer, x);
            case "GlobalAveragePooling2D" -> new Nhwc(0, 0, x.c, globalAverage(x));
            case "Flatten" -> new Nhwc(0, 0, x.data.length, x.data.clone());
            case "Dense" -> dense(layer, x);
            case "Dropout" -> x;
            default -> throw new IllegalArgumentException("reference has no " + layer.className());
        };
        Object act = c.get("activation");
        boolean ownActivation = layer.className().equals("Activation");
        return act == null || ownActivation ? y : activation((String) act, y);
    }

    private Weight w(KerasLayer layer, String param) {
        return model.weight(layer.name(), param).orElseThrow();
    }

    private static int[] ints(Object pair) {
        if (pair instanceof Number n) {
            return new int[] {n.intValue(), n.intValue()};
        }
        List<?> l = (List<?>) pair;
        return new int[] {((Number) l.get(0)).intValue(), ((Number) l.get(1)).intValue()};
    }

    /** TensorFlow's output size and leading pad for one axis. */
    private static int[] geometry(int in, int k, int stride, int dilation, boolean same) {
        int eff = dilation * (k - 1) + 1;
        if (!same) {
            return new int[] {(in - eff) / stride + 1, 0};
        }
        int out = (in + stride - 1) / stride;
        int total = Math.max((out - 1) * stride + eff - in, 0);
        return new int[] {out, total / 2};
    }

    private Nhwc conv(KerasLayer layer, Nhwc x, boolean depthwise) {
        Map<String, Object> c = layer.config();
        Weight k = w(layer, depthwise ? "depthwise_kernel" : "kernel");
        int kh = k.dim(0);
        int kw = k.dim(1);
        int[] s = c.get("strides") == null ? new int[] {1, 1} : ints(c.get("strides"));
        int[] d = c.get("dilation_rate") == null ? new int[] {1, 1} : ints(c.get("dilation_rate"));
        boolean same = "same".equals(c.get("padding"));
        int[] gy = geometry(x.h, kh, s[0], d[0], same);
        int[] gx = geometry(x.w, kw, s[1], d[1], same);
        int mult = depthwise ? k.dim(3) : 0;
        int outC = depthwise ? x.c * mult : k.dim(3);
        Weight bias = Boolean.FALSE.equals(c.get("use_bias")) ? null : w(layer, "bias");
        Nhwc y = new Nhwc(gy[0], gx[0], outC);
        double[] acc = new double[outC];
        for (int oy = 0; oy < gy[0]; oy++) {
            for (int ox = 0; ox < gx[0]; ox++) {
                for (int o = 0; o < outC; o++) {
                    acc[o] = bias == null ? 0 : bias.get(o);
                }
                for (int ky = 0; ky < kh; ky++) {
                    int iy = oy * s[0] + ky * d[0] - gy[1];
                    for (int kx = 0; kx < kw; kx++) {
                        int ix = ox * s[1] + kx * d[1] - gx[1];
                        if (iy < 0 || iy >= x.h || ix < 0 || ix >= x.w) {
                            continue;
                        }
                        for (int ci = 0; ci < x.c; ci++) {
                            double v = x.at(iy, ix, ci);
                            if (depthwise) {
                                for (int m = 0; m < mult; m++) {
                                    acc[ci * mult + m] += v * k.get(((ky * kw + kx) * x.c + ci) * mult + m);
                                }
                            } else {
                                int base = ((ky * kw + kx) * x.c + ci) * outC;
                                for (int o = 0; o < outC; o++) {
                                    acc[o] += v * k.get(base + o);
                                }
                            }
                        }
                    }
                }
                for (int o = 0; o < outC; o++) {
                    y.data[(oy * y.w + ox) * outC + o] = (float) acc[o];
                }
            }
        }
        return y;
    }

    private Nhwc batchNorm(KerasLayer layer, Nhwc x) {
        boolean scale = !Boolean.FALSE.equals(layer.config().get("scale"));
        boolean center = !Boolean.FALSE.equals(layer.config().get("center"));
        double eps = ((Number) layer.config().getOrDefault("epsilon", 1e-3)).doubleValue();
        Weight mean = w(layer, "moving_mean");
        Weight var = w(layer, "moving_variance");
        Weight gamma = scale ? w(layer, "gamma") : null;
        Weight beta = center ? w(layer, "beta") : null;
        float[] out = new float[x.data.length];
        for (int i = 0; i < out.length; i++) {
            int ch = i % x.c;
            double v = (x.data[i] - mean.get(ch)) / Math.sqrt(var.get(ch) + eps);
            out[i] = (float) (v * (gamma == null ? 1 : gamma.get(ch)) + (beta == null ? 0 : beta.get(ch)));
        }
        return new Nhwc(x.h, x.w, x.c, out);
    }

    private static Nhwc activation(String name, Nhwc x) {
        switch (name) {
            case "linear": return x;
            case "relu": return map(x, v -> Math.max(v, 0));
            case "softmax": {
                double max = Double.NEGATIVE_INFINITY;
                for (float v : x.data) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (float v : x.data) {
                    sum += Math.exp(v - max);
                }
                double m = max;
                double total = sum;
                return map(x, v -> Math.exp(v - m) / total);
            }
            default: throw new IllegalArgumentException("reference has no activation " + name);
        }
    }

    private static Nhwc map(Nhwc x, java.util.function.DoubleUnaryOperator f) {
        float[] out = new float[x.data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) f.applyAsDouble(x.data[i]);
        }
        return new Nhwc(x.h, x.w, x.c, out);
    }

    private static Nhwc zeroPad(KerasLayer layer, Nhwc x) {
        List<?> p = (List<?>) layer.config().get("padding");
        int[] py = ints(p.get(0));
        int[] px = ints(p.get(1));
        Nhwc y = new Nhwc(x.h + py[0] + py[1], x.w + px[0] + px[1], x.c);
        for (int iy = 0; iy < x.h; iy++) {
            for (int ix = 0; ix < x.w; ix++) {
                System.arraycopy(x.data, (iy * x.w + ix) * x.c, y.data, ((iy + py[0]) * y.w + ix + px[0]) * x.c, x.c);
            }
        }
        return y;
    }

    private static Nhwc add(List<Nhwc> in) {
        float[] out = new float[in.get(0).data.length];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (Nhwc t : in) {
                sum += t.data[i];
            }
            out[i] = (float) sum;
        }
        return new Nhwc(in.get(0).h, in.get(0).w, in.get(0).c, out);
    }

    private static Nhwc concat(List<Nhwc> in) {
        int total = 0;
        for (Nhwc t : in) {
            total += t.c;
        }
        Nhwc first = in.get(0);
        Nhwc y = new Nhwc(first.h, first.w, total);
        int pixels = Math.max(1, first.h) * Math.max(1, first.w);
        for (int p = 0; p < pixels; p++) {
            int offset = 0;
            for (Nhwc t : in) {
                System.arraycopy(t.data, p * t.c, y.data, p * total + offset, t.c);
                offset += t.c;
            }
        }
        return y;
    }

    private static Nhwc pool(KerasLayer layer, Nhwc x) {
        Map<String, Object> c = layer.config();
        int[] k = ints(c.get("pool_size"));
        int[] s = c.get("strides") == null ? k : ints(c.get("strides"));
        boolean same = "same".equals(c.get("padding"));
        boolean max = layer.className().equals("MaxPooling2D");
        int[] gy = geometry(x.h, k[0], s[0], 1, same);
        int[] gx = geometry(x.w, k[1], s[1], 1, same);
        Nhwc y = new Nhwc(gy[0], gx[0], x.c);
        for (int oy = 0; oy < gy[0]; oy++) {
            for (int ox = 0; ox < gx[0]; ox++) {
                for (int ch = 0; ch < x.c; ch++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    int count = 0;
                    for (int ky = 0; ky < k[0]; ky++) {
                        for (int kx = 0; kx < k[1]; kx++) {
                            int iy = oy * s[0] + ky - gy[1];
                            int ix = ox * s[1] + kx - gx[1];
                            if (iy >= 0 && iy < x.h && ix >= 0 && ix < x.w) {
                                double v = x.at(iy, ix, ch);
                                acc = max ? Math.max(acc, v) : acc + v;
                                count++;
                            }
                        }
                    }
                    y.data[(oy * y.w + ox) * x.c + ch] = (float) (max ? acc : acc / count);
                }
            }
        }
        return y;
    }

    private Nhwc dense(KerasLayer layer, Nhwc x) {
        Weight k = w(layer, "kernel");
        int units = k.dim(1);
        Weight bias = Boolean.FALSE.equals(layer.config().get("use_bias")) ? null : w(layer, "bias");
        float[] out = new float[units];
        for (int u = 0; u < units; u++) {
            double acc = bias == null ? 0 : bias.get(u);
            for (int i = 0; i < x.data.length; i++) {
                acc += x.data[i] * (double) k.get(i * units + u);
            }
            out[u] = (float) acc;
        }
        return new Nhwc(0, 0, units, out);
    }
}
