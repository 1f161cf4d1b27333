package org.moevoprune.core.io;

import java.io.IOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;

/**
 * A {@link Backbone} that keeps the features of another one in a {@link FeatureCache} on disk, so that they are
 * computed once per backbone and data across runs:
 *
 * <pre>{@code
 * Backbone backbone = CachedBackbone.of(onnxBackbone, FeatureCache.in(Path.of("feature-cache")));
 * }</pre>
 *
 * <p>For each split, the features are read from the cache entry of the key (the backbone's id, the split, the
 * backbone's {@linkplain Backbone#fingerprint fingerprint} of the split) when it is there and intact; otherwise they
 * are computed by the wrapped backbone and stored. A split the wrapped backbone gives no fingerprint for is passed
 * through uncached. Either way they are then kept in memory. The id, the feature dimension, the splits, the labels
 * and the fingerprints are the wrapped backbone's.
 *
 * <p>Thread-safe: concurrent requests for one split read or compute it once. Does not own the wrapped backbone:
 * close that one yourself if it holds resources.
 */
public final class CachedBackbone implements Backbone {

    private final Backbone backbone;
    private final FeatureCache cache;
    private final Map<DataSplit, FeatureMatrix> done = Collections.synchronizedMap(new EnumMap<>(DataSplit.class));
    private final Map<DataSplit, Object> locks = new EnumMap<>(DataSplit.class);

    private CachedBackbone(Backbone backbone, FeatureCache cache) {
        this.backbone = backbone;
        this.cache = cache;
        for (DataSplit split : DataSplit.values()) {
            locks.put(split, new Object());
        }
    }

    /**
     * @param backbone the backbone whose features to cache
     * @param cache where to keep them
     * @return the caching backbone
     */
    public static CachedBackbone of(Backbone backbone, FeatureCache cache) {
        return new CachedBackbone(Objects.requireNonNull(backbone, "backbone"), Objects.requireNonNull(cache, "cache"));
    }

    /** @return the wrapped backbone */
    public Backbone backbone() {
        return backbone;
    }

    /** @return the cache */
    public FeatureCache cache() {
        return cache;
    }

    @Override
    public String id() {
        return backbone.id();
    }

    @Override
    public int featureDimension() {
        return backbone.featureDimension();
    }

    @Override
    public Set<DataSplit> splits() {
        return backbone.splits();
    }

    @Override
    public FeatureMatrix features(DataSplit split) throws IOException {
        Objects.requireNonNull(split, "split");
        synchronized (locks.get(split)) {
            FeatureMatrix features = done.get(split);
            if (features == null) {
                features = readOrCompute(split);
                done.put(split, features);
            }
            return features;
        }
    }

    private FeatureMatrix readOrCompute(DataSplit split) throws IOException {
        Optional<String> fingerprint = backbone.fingerprint(split);
        if (fingerprint.isEmpty()) {
            return backbone.features(split);
        }
        FeatureCache.Key key = new FeatureCache.Key(backbone.id(), split, fingerprint.get());
        Optional<FeatureMatrix> cached = cache.load(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        FeatureMatrix computed = backbone.features(split);
        cache.store(key, computed);
        return computed;
    }

    @Override
    public Optional<ClassLabels> labels(DataSplit split) throws IOException {
        return backbone.labels(split);
    }

    @Override
    public Optional<String> fingerprint(DataSplit split) throws IOException {
        return backbone.fingerprint(split);
    }

    @Override
    public String toString() {
        return "CachedBackbone[" + backbone + " in " + cache.directory() + "]";
    }
}
