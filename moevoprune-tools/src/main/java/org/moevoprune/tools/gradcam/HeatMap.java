package org.moevoprune.tools.gradcam;

/**
 * The Grad-CAM map of one pooled feature on one image: the feature layer's activation map of that feature's
 * channel ({@code height × width} values, row-major, at the layer's resolution), see {@link GradCam}.
 *
 * <p>Immutable: values are copied on the way in and out.
 */
public final class HeatMap {

    private final int feature;
    private final int width;
    private final int height;
    private final float[] values;

    HeatMap(int feature, int width, int height, float[] values) {
        this.feature = feature;
        this.width = width;
        this.height = height;
        this.values = values.clone();
    }

    /** @return the feature (channel) index */
    public int feature() {
        return feature;
    }

    /** @return the map's width, the feature layer's */
    public int width() {
        return width;
    }

    /** @return the map's height, the feature layer's */
    public int height() {
        return height;
    }

    /**
     * @param x column
     * @param y row
     * @return the Grad-CAM value there: {@code max(0, activation)}
     */
    public float get(int x, int y) {
        return Math.max(0f, values[java.util.Objects.checkIndex(y, height) * width
                + java.util.Objects.checkIndex(x, width)]);
    }

    /** @return the largest value, 0 if the map is empty of positive activation */
    public float max() {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** @return the mean of the raw activations, which is the pooled feature's value */
    public double mean() {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** @return the raw activations, row-major, as a copy */
    public float[] values() {
        return values.clone();
    }

    /**
     * The map scaled to {@code [0, 1]} by its maximum and resized (bilinear, pixel centres) to the given size.
     *
     * @param outWidth output width, ≥ 1
     * @param outHeight output height, ≥ 1
     * @return {@code outHeight × outWidth} values in [0, 1], row-major; all zero when {@link #max()} is 0
     */
    public float[] normalized(int outWidth, int outHeight) {
        float max = max();
        float[] out = new float[outWidth * outHeight];
        if (max <= 0) {
            return out;
        }
        for (int y = 0; y < outHeight; y++) {
            double sy = Math.min(height - 1, Math.max(0, (y + 0.5) * height / outHeight - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(height - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < outWidth; x++) {
                double sx = Math.min(width - 1, Math.max(0, (x + 0.5) * width / outWidth - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(width - 1, x0 + 1);
                double fx = sx - x0;
                double top = get(x0, y0) * (1 - fx) + get(x1, y0) * fx;
                double bottom = get(x0, y1) * (1 - fx) + get(x1, y1) * fx;
                out[y * outWidth + x] = (float) ((top * (1 - fy) + bottom * fy) / max);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "HeatMap[feature " + feature + ", " + width + "×" + height + ", max " + max() + "]";
    }
}
