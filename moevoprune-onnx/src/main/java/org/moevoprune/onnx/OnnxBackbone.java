package org.moevoprune.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.RasterImage;

/**
 * A {@link Backbone} that computes the features of image sets with an ONNX model: one {@link ImageSet} per split,
 * its features extracted the first time they are asked for, then kept in memory. The labels are the image sets'
 * labels, except for {@link DataSplit#OOD}, whose labels are ignored.
 *
 * <p>Its {@linkplain #fingerprint fingerprint} of a split names the model, the feature output, the preprocessing and
 * the images, so that core's {@code CachedBackbone} can keep the features on disk across runs.
 *
 * <p>Thread-safe: concurrent requests for one split compute it once. Owns its {@link OnnxFeatureExtractor}:
 * {@link #close()} closes it; features computed before stay available.
 */
public final class OnnxBackbone implements Backbone, AutoCloseable {

    private final String id;
    private final OnnxFeatureExtractor extractor;
    private final Map<DataSplit, ImageSet> sets;
    private final ExtractionListener listener;
    private final Map<DataSplit, FeatureMatrix> computed = Collections.synchronizedMap(new EnumMap<>(DataSplit.class));
    private final Map<DataSplit, Object> locks = new EnumMap<>(DataSplit.class);

    private OnnxBackbone(Builder b) {
        this.id = b.id;
        this.extractor = b.extractor;
        this.sets = Collections.unmodifiableMap(new EnumMap<>(b.sets));
        this.listener = b.listener;
        for (DataSplit split : sets.keySet()) {
            locks.put(split, new Object());
        }
    }

    /**
     * @param extractor the model; the backbone takes ownership and closes it
     * @return a builder
     */
    public static Builder builder(OnnxFeatureExtractor extractor) {
        return new Builder(Objects.requireNonNull(extractor, "extractor"));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int featureDimension() {
        return extractor.featureDimension();
    }

    @Override
    public Set<DataSplit> splits() {
        return sets.keySet();
    }

    /**
     * @param split a served split
     * @return its image set
     * @throws IllegalArgumentException if the split is not served
     */
    public ImageSet images(DataSplit split) {
        return set(split);
    }

    @Override
    public FeatureMatrix features(DataSplit split) throws IOException {
        ImageSet set = set(split);
        synchronized (locks.get(split)) {
            FeatureMatrix done = computed.get(split);
            if (done != null) {
                return done;
            }
            String task = id + "/" + split.name().toLowerCase(java.util.Locale.ROOT) + " (" + set.name() + ")";
            FeatureMatrix features = extractor.extract(task, set.images(), listener);
            computed.put(split, features);
            return features;
        }
    }

    /**
     * The fingerprint of a split's features: five lines joined by {@code \n}, {@code model_sha256=}(the
     * extractor's {@link OnnxFeatureExtractor#modelSha256()}), {@code output=}(its feature output),
     * {@code preprocessing=}({@link Preprocessing#key()}), {@code images_sha256=}({@link #imagesSha256} of the split's
     * images) and {@code images=}(their count). Labels do not matter.
     *
     * @param split a served split
     * @return the fingerprint
     * @throws IllegalArgumentException if the split is not served
     */
    @Override
    public Optional<String> fingerprint(DataSplit split) {
        ImageSet set = set(split);
        return Optional.of("model_sha256=" + extractor.modelSha256() + "\noutput=" + extractor.featureOutput()
                + "\npreprocessing=" + extractor.preprocessing().key() + "\nimages_sha256="
                + imagesSha256(set.images()) + "\nimages=" + set.size());
    }

    /**
     * @param images images
     * @return the lower-case hex SHA-256 over each image's width, height and channels (three big-endian 32-bit
     *         integers) followed by its pixels, in order
     */
    public static String imagesSha256(List<RasterImage> images) {
        MessageDigest digest = Hashes.digest();
        byte[] buffer = new byte[0];
        for (RasterImage image : images) {
            int n = image.width() * image.height() * image.channels();
            if (buffer.length < n) {
                buffer = new byte[n];
            }
            image.copyPixels(buffer, 0);
            digest.update(ByteBuffer.allocate(12).putInt(image.width()).putInt(image.height())
                    .putInt(image.channels()).array());
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public Optional<ClassLabels> labels(DataSplit split) {
        ImageSet set = set(split);
        return split == DataSplit.OOD ? Optional.empty() : Optional.of(set.labels());
    }

    private ImageSet set(DataSplit split) {
        ImageSet set = sets.get(Objects.requireNonNull(split, "split"));
        if (set == null) {
            throw new IllegalArgumentException("backbone '" + id + "' has no " + split + " split; it serves "
                    + sets.keySet() + ": add one with OnnxBackbone.Builder.split(" + split + ", images)");
        }
        return set;
    }

    /** Closes the extractor. Idempotent. */
    @Override
    public void close() {
        extractor.close();
    }

    @Override
    public String toString() {
        return "OnnxBackbone[" + id + ": " + extractor.featureDimension() + " features, splits " + sets.keySet() + "]";
    }

    /** Builds an {@link OnnxBackbone}; setters validate their argument. Not thread-safe. */
    public static final class Builder {
        private final OnnxFeatureExtractor extractor;
        private final Map<DataSplit, ImageSet> sets = new EnumMap<>(DataSplit.class);
        private String id = "onnx";
        private ExtractionListener listener = ExtractionListener.NONE;

        private Builder(OnnxFeatureExtractor extractor) {
            this.extractor = extractor;
        }

        /**
         * @param name a short stable name, e.g. {@code "mobilenet_v2"} (default {@code "onnx"})
         * @return this builder
         * @throws IllegalArgumentException if blank
         */
        public Builder id(String name) {
            if (Objects.requireNonNull(name, "name").isBlank()) {
                throw new IllegalArgumentException("backbone id must not be blank");
            }
            this.id = name;
            return this;
        }

        /**
         * @param split the split
         * @param images its images (for {@link DataSplit#OOD} the labels are ignored)
         * @return this builder
         * @throws IllegalArgumentException if the split was set already
         */
        public Builder split(DataSplit split, ImageSet images) {
            Objects.requireNonNull(images, "images");
            if (sets.putIfAbsent(Objects.requireNonNull(split, "split"), images) != null) {
                throw new IllegalArgumentException("split " + split + " was set twice");
            }
            return this;
        }

        /**
         * @param value hears extraction progress (default: nothing)
         * @return this builder
         */
        public Builder listener(ExtractionListener value) {
            this.listener = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @return the backbone, which owns the extractor
         * @throws IllegalArgumentException if no {@link DataSplit#TRAIN} split was given
         */
        public OnnxBackbone build() {
            if (!sets.containsKey(DataSplit.TRAIN)) {
                throw new IllegalArgumentException("a backbone needs a TRAIN split; add it with split(DataSplit.TRAIN, "
                        + "images)");
            }
            return new OnnxBackbone(this);
        }
    }
}
