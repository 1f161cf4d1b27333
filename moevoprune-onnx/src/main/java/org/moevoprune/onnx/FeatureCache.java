package org.moevoprune.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.core.internal.AtomicFiles;
import org.moevoprune.core.internal.Json;
import org.moevoprune.core.io.FeatureFiles;
import org.moevoprune.core.io.literal.LiteralDialect;
import org.moevoprune.core.io.literal.Literals;
import org.moevoprune.core.io.literal.Utf8;
import org.moevoprune.onnx.images.RasterImage;

/**
 * A folder of computed features, so that the features of a data set are computed once per model and preprocessing.
 *
 * <p>An entry is keyed by the SHA-256 of the ONNX model's bytes, the feature output's name, the preprocessing
 * ({@link Preprocessing#key()}) and the SHA-256 of the images' sizes and pixels (labels do not matter). It is two
 * files named after the key's digest: {@code <digest>.npy} (float32 features, {@code numpy.load} reads it) and
 * {@code <digest>.json} (the key, the shape, the SHA-256 of the {@code .npy} file, the task and the time). Both are
 * written atomically, the {@code .npy} first. An entry whose files are missing one half, do not parse, disagree with
 * the key or whose {@code .npy} checksum differs is reported (at WARNING on the {@code System.Logger} of this class)
 * and recomputed.
 *
 * <p>Thread-safe; processes sharing a folder at worst compute an entry twice.
 */
public final class FeatureCache {

    private static final String FORMAT = "moevoprune-feature-cache/1";
    private static final System.Logger LOG = System.getLogger(FeatureCache.class.getName());

    private final Path directory;

    private FeatureCache(Path directory) {
        this.directory = directory;
    }

    /**
     * @param directory the cache folder; created on the first store
     * @return a cache in that folder
     */
    public static FeatureCache in(Path directory) {
        return new FeatureCache(Objects.requireNonNull(directory, "directory").toAbsolutePath());
    }

    /** @return the cache folder */
    public Path directory() {
        return directory;
    }

    /**
     * What an entry's features depend on.
     *
     * @param modelSha256 the hex SHA-256 of the ONNX model
     * @param output the feature output's name
     * @param preprocessing the preprocessing's {@link Preprocessing#key()}
     * @param dataSha256 the hex SHA-256 of the images ({@link #hashImages})
     * @param rows the number of images
     */
    public record Key(String modelSha256, String output, String preprocessing, String dataSha256, int rows) {

        /**
         * @throws IllegalArgumentException if {@code rows} is negative
         */
        public Key {
            Objects.requireNonNull(modelSha256, "modelSha256");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(preprocessing, "preprocessing");
            Objects.requireNonNull(dataSha256, "dataSha256");
            if (rows < 0) {
                throw new IllegalArgumentException("rows must be ≥ 0, got " + rows);
            }
        }

        /** @return the hex SHA-256 of all fields: the entry's file name */
        public String digest() {
            String joined = String.join("\n", modelSha256, output, preprocessing, dataSha256, Integer.toString(rows));
            return Hashes.sha256(joined.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * @param extractor the extractor that would compute the features
     * @param images the images
     * @return the key of their features
     */
    public static Key key(OnnxFeatureExtractor extractor, List<RasterImage> images) {
        return new Key(extractor.modelSha256(), extractor.featureOutput(), extractor.preprocessing().key(),
                hashImages(images), images.size());
    }

    /**
     * @param images images
     * @return the hex SHA-256 over each image's width, height, channels and pixels, in order
     */
    public static String hashImages(List<RasterImage> images) {
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

    /**
     * @param key an entry's key
     * @return the entry's {@code .npy} file (which may not exist)
     */
    public Path featureFile(Key key) {
        return directory.resolve(key.digest() + ".npy");
    }

    /**
     * The features stored under {@code key}, if present and intact.
     *
     * @param key the entry's key
     * @return the features, or empty if there is no entry or it is damaged (then logged)
     */
    public Optional<FeatureMatrix> load(Key key) {
        Path npy = featureFile(key);
        Path json = directory.resolve(key.digest() + ".json");
        boolean hasNpy = Files.isRegularFile(npy);
        boolean hasJson = Files.isRegularFile(json);
        if (!hasNpy && !hasJson) {
            return Optional.empty();
        }
        try {
            if (!hasNpy || !hasJson) {
                throw new IOException("only " + (hasNpy ? npy : json) + " exists");
            }
            Map<?, ?> meta = (Map<?, ?>) Literals.parse(Utf8.read(json), LiteralDialect.JSON);
            require(FORMAT.equals(meta.get("format")), "unknown format " + meta.get("format"));
            require(key.modelSha256().equals(meta.get("model_sha256")) && key.output().equals(meta.get("output"))
                    && key.preprocessing().equals(meta.get("preprocessing"))
                    && key.dataSha256().equals(meta.get("data_sha256")), "its key differs");
            byte[] bytes = Files.readAllBytes(npy);
            require(Hashes.sha256(bytes).equals(meta.get("npy_sha256")), "the .npy checksum differs");
            FeatureMatrix features = FeatureFiles.readNpyFeatures(npy);
            require(features.rows() == key.rows() && meta.get("columns") instanceof Number c
                    && features.columns() == c.intValue(), "its shape differs");
            return Optional.of(features);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "feature cache entry " + npy + " is damaged (" + e.getMessage()
                    + "); computing the features again");
            return Optional.empty();
        }
    }

    private static void require(boolean ok, String problem) throws IOException {
        if (!ok) {
            throw new IOException(problem);
        }
    }

    /**
     * Stores features under {@code key}, replacing any entry.
     *
     * @param key the entry's key
     * @param features the features; {@code key.rows()} rows
     * @param task a description kept with the entry, e.g. the image set's name
     * @throws IOException if the files cannot be written
     * @throws IllegalArgumentException if the row count differs from the key's
     */
    public void store(Key key, FeatureMatrix features, String task) throws IOException {
        if (features.rows() != key.rows()) {
            throw new IllegalArgumentException("features have " + features.rows() + " rows but the key is for "
                    + key.rows() + " images");
        }
        Files.createDirectories(directory);
        Path npy = featureFile(key);
        FeatureFiles.writeNpy(npy, features);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("model_sha256", key.modelSha256());
        meta.put("output", key.output());
        meta.put("preprocessing", key.preprocessing());
        meta.put("data_sha256", key.dataSha256());
        meta.put("rows", (long) features.rows());
        meta.put("columns", (long) features.columns());
        meta.put("npy_sha256", Hashes.sha256(Files.readAllBytes(npy)));
        meta.put("task", task);
        meta.put("created", Instant.now().toString());
        String text = Json.write(meta);
        AtomicFiles.write(directory.resolve(key.digest() + ".json"),
                out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * The features of {@code images}: from the cache when intact, else computed by {@code extractor} and stored.
     *
     * @param extractor computes the features
     * @param task a name for progress reports and the entry
     * @param images the images
     * @param listener hears the progress, or that the features came from the cache
     * @return the features
     * @throws IOException if computing or storing fails
     */
    public FeatureMatrix features(OnnxFeatureExtractor extractor, String task, List<RasterImage> images,
                                  ExtractionListener listener) throws IOException {
        Key key = key(extractor, images);
        Optional<FeatureMatrix> cached = load(key);
        if (cached.isPresent()) {
            listener.cached(task, images.size(), featureFile(key));
            return cached.get();
        }
        FeatureMatrix computed = extractor.extract(task, images, listener);
        store(key, computed, task);
        return computed;
    }

    @Override
    public String toString() {
        return "FeatureCache[" + directory + "]";
    }
}
