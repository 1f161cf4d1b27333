package org.moevoprune.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.core.internal.AtomicFiles;
import org.moevoprune.core.internal.Json;
import org.moevoprune.core.io.literal.LiteralDialect;
import org.moevoprune.core.io.literal.Literals;
import org.moevoprune.core.io.literal.Utf8;

/**
 * A folder of computed features, so that the features of a data set are computed once per backbone and data. Any
 * {@link Backbone} that gives a {@linkplain Backbone#fingerprint fingerprint} can use it, most simply through
 * {@link CachedBackbone}.
 *
 * <p><b>Entries.</b> An entry is keyed by the backbone's id, the split and the backbone's fingerprint of that
 * split ({@link Key}). It is two files named after the key's {@linkplain Key#digest() digest}: {@code <digest>.npy}
 * (float32 features, {@code numpy.load} reads it) and {@code <digest>.json}, format
 * {@value #FORMAT}: {@code format}, {@code backbone}, {@code split}, {@code fingerprint} (the key in full),
 * {@code rows}, {@code columns}, {@code npy_sha256} (the SHA-256 of the {@code .npy} file) and {@code created}.
 * Both are written atomically, the {@code .npy} first. An entry with one half missing, that does not parse, whose
 * key differs from the one asked for, whose {@code .npy} checksum differs or whose shape disagrees with its
 * {@code .json} is reported (at WARNING on the {@code System.Logger} of this class) and treated as absent.
 *
 * <p>Thread-safe; processes sharing a folder at worst compute an entry twice.
 */
public final class FeatureCache {

    /** The format tag of an entry's {@code .json} file. */
    public static final String FORMAT = "moevoprune-feature-cache/2";

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
     * @param backboneId the backbone's {@link Backbone#id()}; non-blank, without line breaks
     * @param split the split
     * @param fingerprint the backbone's {@link Backbone#fingerprint} of the split; not empty
     */
    public record Key(String backboneId, DataSplit split, String fingerprint) {

        /**
         * @throws IllegalArgumentException if the id is blank or has a line break, or the fingerprint is empty
         */
        public Key {
            Objects.requireNonNull(backboneId, "backboneId");
            Objects.requireNonNull(split, "split");
            Objects.requireNonNull(fingerprint, "fingerprint");
            if (backboneId.isBlank() || backboneId.indexOf('\n') >= 0 || backboneId.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("backbone id '" + backboneId + "' cannot key a feature cache: "
                        + "give the backbone a non-blank id without line breaks");
            }
            if (fingerprint.isEmpty()) {
                throw new IllegalArgumentException("backbone '" + backboneId + "' gave an empty fingerprint for "
                        + split + ": return Optional.empty() from Backbone.fingerprint when it cannot tell");
            }
        }

        /**
         * @return the lower-case hex SHA-256 of the UTF-8 bytes of {@code backboneId + "\n" + split.name() + "\n" +
         *         fingerprint}: the entry's file name
         */
        public String digest() {
            return sha256((backboneId + "\n" + split.name() + "\n" + fingerprint).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * @param key an entry's key
     * @return the entry's {@code .npy} file (which may not exist)
     */
    public Path featureFile(Key key) {
        return directory.resolve(key.digest() + ".npy");
    }

    private Path metadataFile(Key key) {
        return directory.resolve(key.digest() + ".json");
    }

    /**
     * The features stored under {@code key}, if present and intact.
     *
     * @param key the entry's key
     * @return the features, or empty if there is no entry or it is damaged (then logged)
     */
    public Optional<FeatureMatrix> load(Key key) {
        Path npy = featureFile(key);
        Path json = metadataFile(key);
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
            require(key.backboneId().equals(meta.get("backbone")) && key.split().name().equals(meta.get("split"))
                    && key.fingerprint().equals(meta.get("fingerprint")), "its key differs");
            byte[] bytes = Files.readAllBytes(npy);
            require(sha256(bytes).equals(meta.get("npy_sha256")), "the .npy checksum differs");
            FeatureMatrix features = FeatureFiles.readNpyFeatures(npy);
            require(meta.get("rows") instanceof Number r && features.rows() == r.intValue()
                    && meta.get("columns") instanceof Number c && features.columns() == c.intValue(),
                    "its shape differs");
            LOG.log(System.Logger.Level.DEBUG, () -> "features of " + key.backboneId() + "/" + key.split()
                    + " read from " + npy);
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
     * @param features the features
     * @throws IOException if the folder or the files cannot be written
     */
    public void store(Key key, FeatureMatrix features) throws IOException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(features, "features");
        Files.createDirectories(directory);
        Path npy = featureFile(key);
        FeatureFiles.writeNpy(npy, features);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("backbone", key.backboneId());
        meta.put("split", key.split().name());
        meta.put("fingerprint", key.fingerprint());
        meta.put("rows", (long) features.rows());
        meta.put("columns", (long) features.columns());
        meta.put("npy_sha256", sha256(Files.readAllBytes(npy)));
        meta.put("created", Instant.now().toString());
        byte[] text = Json.write(meta).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(metadataFile(key), out -> out.write(text));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "FeatureCache[" + directory + "]";
    }
}
